from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyTakeover(models.Model):
    """The takeover acceptance (接管驗收) of a building and its units from the developer."""

    _name = "property.takeover"
    _description = "Takeover Inspection"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    building_id = fields.Many2one(
        "property.building",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    project_id = fields.Many2one(related="building_id.project_id", store=True, index=True)
    company_id = fields.Many2one(
        related="building_id.company_id", store=True, index=True, precompute=True
    )
    date = fields.Date(
        string="Inspection Date", required=True, default=fields.Date.context_today, tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Inspector",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    developer_id = fields.Many2one(
        "res.partner",
        check_company=True,
        tracking=True,
        help="The developer handing the building over; the default party responsible for defects.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("in_progress", "Inspecting"), ("done", "Inspected")],
        string="Status",
        default="draft",
        required=True,
        tracking=True,
    )
    line_ids = fields.One2many("property.takeover.line", "takeover_id", string="Checklist")
    defect_ids = fields.One2many("property.takeover.defect", "takeover_id", string="Defects")
    line_count = fields.Integer(compute="_compute_counts")
    checked_count = fields.Integer(compute="_compute_counts")
    defect_count = fields.Integer(compute="_compute_counts")
    open_defect_count = fields.Integer(string="Defects Not Closed", compute="_compute_counts")
    overdue_defect_count = fields.Integer(string="Overdue Defects", compute="_compute_counts")
    note = fields.Html()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.su and vals.get("state", "draft") != "draft":
                raise UserError(
                    self.env._("An inspection is created as a draft: use the buttons to go on.")
                )
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("property.takeover") or "/"
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and "state" in vals:
            raise UserError(
                self.env._("The status of an inspection changes with its buttons only.")
            )
        return super().write(vals)

    @api.depends("line_ids.result", "defect_ids.state", "defect_ids.date_deadline")
    def _compute_counts(self):
        today = fields.Date.context_today(self)
        for takeover in self:
            takeover.line_count = len(takeover.line_ids)
            takeover.checked_count = len(takeover.line_ids.filtered("result"))
            takeover.defect_count = len(takeover.defect_ids)
            open_defects = takeover.defect_ids.filtered(lambda d: d.state != "closed")
            takeover.open_defect_count = len(open_defects)
            takeover.overdue_defect_count = len(
                open_defects.filtered(lambda d: d.date_deadline and d.date_deadline < today)
            )

    def _checklist_items(self):
        """The checklist items of each inspection's company (and those of every company),
        read once for the batch. Returns {takeover id: items}."""
        items = self.env["property.takeover.checklist.item"].search(
            [("company_id", "in", [*self.company_id.ids, False])]
        )
        return {
            takeover.id: items.filtered(
                lambda item, company=takeover.company_id: (
                    not item.company_id or item.company_id == company
                )
            )
            for takeover in self
        }

    def action_generate_lines(self):
        """The checklist of the inspection: the building's items once, the units' items in each
        unit of the building. Items already on the checklist are not added again."""
        Line = self.env["property.takeover.line"]
        vals_list = []
        checklist_items = self._checklist_items()
        for takeover in self:
            if takeover.state == "done":
                raise UserError(
                    self.env._("Inspection %s is finished: its checklist is final.", takeover.name)
                )
            items = checklist_items[takeover.id]
            if not items:
                raise UserError(
                    self.env._(
                        "There is no takeover checklist item: add some in Configuration › "
                        "Takeover Checklist."
                    )
                )
            existing = {(line.item_id.id, line.unit_id.id) for line in takeover.line_ids}
            units = takeover.building_id.unit_ids
            for item in items:
                targets = [self.env["property.unit"]] if item.scope == "building" else units
                for unit in targets:
                    if (item.id, unit.id) in existing:
                        continue
                    vals_list.append(
                        {
                            "takeover_id": takeover.id,
                            "item_id": item.id,
                            "unit_id": unit.id,
                            "sequence": item.sequence,
                        }
                    )
        lines = Line.create(vals_list)
        self.check_access("write")
        self.filtered(lambda t: t.state == "draft").sudo().state = "in_progress"
        return lines

    def action_done(self):
        for takeover in self:
            unchecked = takeover.line_ids.filtered(lambda line: not line.result)
            if not takeover.line_ids or unchecked:
                raise UserError(
                    self.env._(
                        "Check every item of inspection %(name)s first (%(count)s not checked).",
                        name=takeover.name,
                        count=len(unchecked),
                    )
                )
            missing = takeover.line_ids.filtered(
                lambda line: line.result == "defect" and not line.defect_ids
            )
            if missing:
                raise UserError(
                    self.env._(
                        "Record the defect of every item found defective (%s without a defect).",
                        len(missing),
                    )
                )
        self.check_access("write")
        self.sudo().state = "done"

    def action_reset(self):
        """A finished inspection is reopened by a supervisor or a manager only."""
        if not self.env.user.has_group("property_butler.property_butler_group_supervisor"):
            raise UserError(
                self.env._("Only a supervisor or a manager can reopen a finished inspection.")
            )
        self.check_access("write")
        self.filtered(lambda t: t.state == "done").sudo().state = "in_progress"

    def action_view_defects(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler_takeover.property_takeover_defect_action"
        )
        action["domain"] = [("takeover_id", "=", self.id)]
        action["context"] = {
            "default_takeover_id": self.id,
            "default_responsible_partner_id": self.developer_id.id,
        }
        return action
