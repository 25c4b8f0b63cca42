import base64
from datetime import date

from odoo import Command

from odoo.addons.property_butler.tests.common import PropertyButlerCase, png_bytes

# A 1×1 transparent PNG: enough for a signature.
SIGNATURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
)
# A resident's photo and a PDF, as the portal's forms upload them.
PNG = png_bytes()
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


class TicketBaseCase(PropertyButlerCase):
    """The ticket types of the seed, and ``_ticket`` to raise one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.complaint_type = ref("property_butler_ticket.property_ticket_type_complaint")
        cls.repair_type = ref("property_butler_ticket.property_ticket_type_repair")
        cls.inquiry_type = ref("property_butler_ticket.property_ticket_type_inquiry")
        cls.service_type = ref("property_butler_ticket.property_ticket_type_service")

    @classmethod
    def _ticket(cls, ticket_type, unit=None, **vals):
        """A ticket of ``ticket_type`` on ``unit`` (3-2-1502), raised by its owner (on another
        unit: by nobody) unless ``partner_id`` says who."""
        unit = unit or cls.unit
        return cls.env["property.ticket"].create(
            {
                "title": vals.pop("title", "Water leaking"),
                "description": vals.pop("description", "<p>Water drips from the ceiling.</p>"),
                "ticket_type_id": ticket_type.id,
                "unit_id": unit.id,
                "partner_id": vals.pop("partner_id", cls.owner.id if unit == cls.unit else False),
                **vals,
            }
        )


class TicketCase(TicketBaseCase):
    """The engineering department led by the staff member, the butler's grid (building 2,
    backed up by butler2), the owner and a household member on 3-2-1502, the other owner on
    3-5-301."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.engineering = ref("property_butler_ticket.property_department_engineering")
        cls.customer_service = ref("property_butler_ticket.property_department_customer_service")
        cls.engineering.write(
            {"leader_id": cls.staff.id, "member_ids": [Command.set(cls.staff.ids)]}
        )
        cls.grid = cls._grid(
            cls.butler, building_ids=cls._set(cls.building), backup_butler_id=cls.butler2.id
        )
        cls._households()

    def _close_complaint_fields(self):
        return {
            "judgement": "valid",
            "judgement_reason": "The cleaner skipped the corridor.",
            "responsible_department_id": self.env.ref(
                "property_butler_ticket.property_department_cleaning"
            ).id,
            "solution": "<p>Cleaned the same day.</p>",
            "corrective_action": "<p>The cleaning team's corridor round is checked daily.</p>",
            "reply": "<p>We apologise; it is clean now.</p>",
            "signature": SIGNATURE,
            "signed_by": "王芳",
        }


class TicketPortalCase(TicketBaseCase):
    """Two households: the resident (owner) and a household member on unit 3-2-1502,
    a neighbour on unit 3-5-301. Unit 3-2-1501 is nobody's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.grid = cls._grid(cls.butler, building_ids=cls._set(cls.building | cls.building_b))
        cls._households()
        # A former tenant of 3-2-1501 who moved out: no access any more.
        cls._occupy(
            cls.unit2,
            cls.tenant,
            role="tenant",
            date_start=date(2023, 1, 1),
            date_end=date(2024, 1, 1),
        )
        cls._residents()
        cls.household = cls._portal_user("pb_member", cls.member)
        cls.former_tenant = cls._portal_user("pb_former", cls.tenant)
        cls.t_own = cls._ticket(cls.repair_type, title="Leaking tap in the kitchen")
        cls.t_member = cls._ticket(
            cls.inquiry_type, title="Visitor parking rules", partner_id=cls.member.id
        )
        cls.t_neighbour = cls._ticket(
            cls.complaint_type,
            cls.unit_b,
            title="Noise from the gym at night",
            partner_id=cls.other_owner.id,
        )
        cls.t_service = cls._ticket(cls.service_type, title="Deep cleaning")
        cls.t_service.line_ids = [
            Command.create(
                {
                    "product_id": ref("property_butler_ticket.product_home_cleaning").id,
                    "quantity": 2,
                }
            )
        ]
        cls.t_service.action_send_quotation()
        cls.t_done = cls._ticket(cls.repair_type, title="Broken corridor light")
        cls.t_done.action_done()
        cls.callback = cls.t_done.callback_ids
        Attachment = cls.env["ir.attachment"]
        # Uploaded by the neighbour himself, as the portal form does.
        cls.neighbour_photo = (
            Attachment.with_user(cls.neighbour)
            .sudo()
            .create(
                {
                    "name": "noise.png",
                    "raw": PNG,
                    "res_model": "property.ticket",
                    "res_id": cls.t_neighbour.id,
                }
            )
        )
