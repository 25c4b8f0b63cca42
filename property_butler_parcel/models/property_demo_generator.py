from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step

KINDS = ["registered"] * 5 + ["parcel_slip", "parcel", "parcel", "remittance", "printed"]
RELATIONS = ["配偶", "儿子", "女儿", "母亲", "保姆"]


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_parcels(self):
        """Two weeks of the desk's mail register: items collected (signed by the resident or a
        family member), still waiting (some reminded), for resident1, an unknown addressee with
        the butler, one returned to the post office."""
        project = self._demo_project()
        Parcel = self.env["property.parcel"]
        if not project or Parcel.search_count([("project_id", "=", project.id)], limit=1):
            return
        rng = self._demo_rng("parcels")
        clerks = self.env["res.users"].search([("login", "in", ("frontdesk", "frontdesk2"))])
        weekend_clerk = self.env["res.users"].search([("login", "=", "butler1")], limit=1)
        units = self.env["property.unit"].search(
            [("project_id", "=", project.id), ("resident_ids", "!=", False)], limit=60
        )
        if not units or not clerks:
            return
        resident = self.env["res.users"].search([("login", "=", "resident1")], limit=1)
        resident_unit = self.env["property.unit"].search(
            [("project_id", "=", project.id), ("resident_ids", "in", resident.partner_id.ids)],
            limit=1,
        )
        now = fields.Datetime.now().replace(second=0, microsecond=0)
        vals_list = []
        for offset in range(14, -1, -1):
            day = now - timedelta(days=offset)
            weekend = day.weekday() >= 5
            for _i in range(rng.randint(1, 3)):
                unit = rng.choice(units)
                partner = unit.resident_ids[:1]
                kind = rng.choice(KINDS)
                clerk = weekend_clerk if weekend and weekend_clerk else rng.choice(clerks)
                vals_list.append(
                    {
                        "project_id": project.id,
                        "kind": kind,
                        "tracking_number": (
                            f"XA{rng.randint(10**8, 10**9 - 1)}CN"
                            if kind in ("registered", "remittance", "parcel_slip")
                            else f"SF{rng.randint(10**11, 10**12 - 1)}"
                            if kind == "parcel"
                            else False
                        ),
                        "addressee_name": partner.name,
                        "unit_id": unit.id,
                        "partner_id": partner.id,
                        "quantity": rng.choice([1, 1, 1, 2]),
                        "clerk_id": clerk.id,
                        "date_received": day.replace(hour=rng.randint(1, 8)),
                        "date_notified": day.replace(hour=9),
                    }
                )
        if resident_unit:
            for offset, kind, number in (
                (5, "registered", "XA538120447CN"),
                (0, "parcel", "SF1402875561"),
            ):
                day = now - timedelta(days=offset)
                vals_list.append(
                    {
                        "project_id": project.id,
                        "kind": kind,
                        "tracking_number": number,
                        "addressee_name": resident.partner_id.name,
                        "unit_id": resident_unit.id,
                        "partner_id": resident.partner_id.id,
                        "clerk_id": clerks[:1].id,
                        "date_received": day.replace(hour=2),
                        "date_notified": day.replace(hour=2, minute=5),
                    }
                )
        unknown_unit = units[-1]
        vals_list += [
            {
                "project_id": project.id,
                "kind": "registered",
                "tracking_number": "XA771204596CN",
                "addressee_name": "陈国栋",
                "unit_id": unknown_unit.id,
                "clerk_id": clerks[:1].id,
                "date_received": now - timedelta(days=1),
                "note": "信封上地址只写到楼栋，无此住户姓名",
            },
            {
                "project_id": project.id,
                "kind": "company",
                "tracking_number": "XA660931278CN",
                "addressee_name": "深圳华信贸易有限公司",
                "clerk_id": clerks[:1].id,
                "date_received": now - timedelta(days=9),
            },
        ]
        parcels = Parcel.with_context(property_parcel_no_notify=True).create(vals_list)
        waiting = parcels.filtered(lambda p: p.state == "waiting")
        *history, unknown, to_return = parcels
        history = Parcel.browse([p.id for p in history])
        unknown._schedule_identification()
        # Older items were mostly collected, a few by family members; some still wait.
        for parcel in history:
            age = (now - parcel.date_received).days
            if parcel.partner_id == resident.partner_id:
                continue
            if age >= 2 and rng.random() < 0.85:
                family = rng.random() < 0.25
                parcel.with_user(rng.choice(clerks))._mark_collected(
                    {
                        "collector_kind": "family" if family else "addressee",
                        "collector_name": (
                            rng.choice(self._chinese_names(rng, 3))
                            if family
                            else parcel.partner_id.name
                        ),
                        "collector_relation": rng.choice(RELATIONS) if family else False,
                        "signature": self._demo_signature(rng),
                    }
                )
                parcel.sudo().date_collected = parcel.date_received + timedelta(
                    days=rng.randint(0, min(age, 4)), hours=rng.randint(2, 10)
                )
        still = waiting.filtered(lambda p: p.state == "waiting")
        still.filtered(lambda p: (now - p.date_notified).days >= 3).sudo().write(
            {"date_reminded": now - timedelta(hours=6)}
        )
        to_return.with_user(clerks[:1])._mark_returned(
            "查无此单位，客务助理未能识别收件人，退回邮局", day=fields.Date.context_today(self)
        )
        # Today's front-desk handover, still being written, lists what is still at the desk.
        self.env["property.handover.log"].search(
            [("kind", "=", "front_desk"), ("project_id", "=", project.id), ("state", "=", "draft")]
        )._add_uncollected_parcels()
