from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .property_document_line import OUT_STATES

DOCUMENT_TYPES = [
    ("statement", "Statement"),
    ("outage", "Outage Notice"),
    ("price_list", "Price List"),
    ("other", "Other"),
]
SCOPES = [
    ("project", "Whole Project"),
    ("clusters", "Clusters"),
    ("buildings", "Buildings"),
    ("units", "Units"),
]
ISSUE_STATES = [("draft", "Draft"), ("distributing", "Distributing"), ("done", "Done")]
# Units that receive documents when a whole project, cluster or building is chosen (parking
# spaces and storage rooms belong to owners of flats, who get the document with their flat).
DOCUMENT_UNIT_TYPES = ("residential", "commercial")
# What a document's report may print, one per recipient: the recipient, the unit or the copy.
REPORT_MODELS = ("res.partner", "property.unit", "property.document.line")


class PropertyDocumentIssue(models.Model):
    """A document sent to the residents (對客文件的發放): one line per unit and recipient."""

    _name = "property.document.issue"
    _description = "Document Issue"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Document", required=True, tracking=True)
    document_type = fields.Selection(
        DOCUMENT_TYPES, string="Type", required=True, default="other", tracking=True, index=True
    )
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True, tracking=True
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    date = fields.Date(
        string="Issue Date", required=True, default=fields.Date.context_today, tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    content = fields.Text(
        help="What the document says: the security team is briefed on it before handing it "
        "over, and the butlers explain it to key customers."
    )
    file = fields.Binary(string="Document File", attachment=True)
    file_name = fields.Char()
    report_id = fields.Many2one(
        "ir.actions.report",
        domain=[("model", "in", REPORT_MODELS)],
        help="Instead of a file: the report printed for each recipient (of the recipient, "
        "the unit or the line).",
    )
    scope = fields.Selection(SCOPES, required=True, default="project", tracking=True)
    cluster_ids = fields.Many2many(
        "property.cluster",
        string="Clusters",
        check_company=True,
        domain="[('project_id', '=?', project_id)]",
    )
    building_ids = fields.Many2many(
        "property.building",
        string="Buildings",
        check_company=True,
        domain="[('project_id', '=?', project_id)]",
    )
    unit_ids = fields.Many2many(
        "property.unit",
        string="Units",
        check_company=True,
        domain="[('project_id', '=?', project_id)]",
    )
    state = fields.Selection(
        ISSUE_STATES, default="draft", required=True, readonly=True, tracking=True, index=True
    )
    security_briefed = fields.Boolean(
        string="Security Team Briefed",
        readonly=True,
        copy=False,
        tracking=True,
        help="The security team knows what the document says (首先要讓安防隊員了解文件內容): "
        "only then are the occupied units' copies handed to them.",
    )
    date_briefed = fields.Datetime(string="Briefed On", readonly=True, copy=False)
    briefed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    line_ids = fields.One2many("property.document.line", "issue_id", string="Lines")
    line_count = fields.Integer(compute="_compute_counts", string="Copies")
    prepared_count = fields.Integer(compute="_compute_counts", string="Prepared")
    handed_count = fields.Integer(compute="_compute_counts", string="Handed Over, Posted or Sent")
    received_count = fields.Integer(compute="_compute_counts", string="Received")
    security_count = fields.Integer(compute="_compute_counts", string="Through Security")
    post_count = fields.Integer(compute="_compute_counts", string="By Post")
    electronic_count = fields.Integer(compute="_compute_counts", string="By E-mail")

    @api.constrains("file", "report_id")
    def _check_document(self):
        for issue in self:
            if issue.file and issue.report_id:
                raise ValidationError(
                    self.env._("Give either the document's file or a report, not both.")
                )
            if issue.report_id and issue.report_id.model not in REPORT_MODELS:
                raise ValidationError(
                    self.env._(
                        "The report %(report)s prints %(model)s: a document's report prints "
                        "the recipient, the unit or the copy.",
                        report=issue.report_id.name,
                        model=issue.report_id.model,
                    )
                )

    @api.constrains("project_id", "cluster_ids", "building_ids", "unit_ids")
    def _check_scope_project(self):
        for issue in self:
            targets = [*issue.cluster_ids, *issue.building_ids, *issue.unit_ids]
            if any(t.project_id != issue.project_id for t in targets):
                raise ValidationError(
                    self.env._(
                        "The clusters, buildings and units of %(issue)s must be of its project.",
                        issue=issue.name,
                    )
                )

    @api.depends("line_ids.state", "line_ids.channel")
    def _compute_counts(self):
        counts = {}
        if self.ids:
            groups = self.env["property.document.line"]._read_group(
                [("issue_id", "in", self.ids)], ["issue_id", "state", "channel"], ["__count"]
            )
            for issue, state, channel, count in groups:
                issue_counts = counts.setdefault(issue.id, {})
                issue_counts[state] = issue_counts.get(state, 0) + count
                issue_counts[channel] = issue_counts.get(channel, 0) + count
        for issue in self:
            issue_counts = counts.get(issue.id, {})
            issue.prepared_count = issue_counts.get("prepared", 0)
            issue.handed_count = sum(issue_counts.get(state, 0) for state in OUT_STATES)
            issue.received_count = issue_counts.get("received", 0)
            issue.line_count = issue.prepared_count + issue.handed_count + issue.received_count
            issue.security_count = issue_counts.get("security", 0)
            issue.post_count = issue_counts.get("post", 0)
            issue.electronic_count = issue_counts.get("electronic", 0)

    # ------------------------------------------------------------------
    # Lines
    # ------------------------------------------------------------------
    def _target_units(self):
        """The units of the issue's scope (sudo: the author may not read every unit)."""
        self.ensure_one()
        Unit = self.env["property.unit"].sudo()
        domain = [("project_id", "=", self.project_id.id)]
        if self.scope == "units":
            return self.unit_ids.sudo().filtered(lambda u: u.project_id == self.project_id)
        if self.scope == "clusters":
            if not self.cluster_ids:
                raise UserError(self.env._("Choose the clusters the document goes to."))
            domain.append(("cluster_id", "in", self.cluster_ids.ids))
        elif self.scope == "buildings":
            if not self.building_ids:
                raise UserError(self.env._("Choose the buildings the document goes to."))
            domain.append(("building_id", "in", self.building_ids.ids))
        return Unit.search(domain + [("unit_type", "in", DOCUMENT_UNIT_TYPES)])

    def action_generate_lines(self):
        """Prepare a line per unit of the scope and recipient (the billing contact, else the
        owner); units already on the issue keep their line. Idempotent."""
        for issue in self:
            if issue.state == "done":
                raise UserError(self.env._("%s is done: no more copies are added.", issue.name))
            if issue.scope == "units" and not issue.unit_ids:
                raise UserError(self.env._("Choose the units the document goes to."))
            units = issue._target_units()
            issue._add_lines([(unit, unit.billing_partner_id) for unit in units])
            if issue.state == "draft":
                issue.state = "distributing"
        return True

    def _add_lines(self, pairs):
        """Create the missing lines of ``pairs`` (unit, recipient) in one batch, as superuser:
        each butler then sees the lines of his grid only. Returns the new lines (sudo)."""
        self.ensure_one()
        Line = self.env["property.document.line"].sudo()
        existing = set(
            Line.search_fetch([("issue_id", "=", self.id)], ["unit_id", "partner_id"]).mapped(
                lambda line: (line.unit_id.id, line.partner_id.id)
            )
        )
        vals_list = []
        for unit, partner in pairs:
            if not partner or (unit.id, partner.id) in existing:
                continue
            existing.add((unit.id, partner.id))
            vals_list.append(Line._prepare_line_values(self, unit, partner))
        return Line.with_context(mail_create_nolog=True, tracking_disable=True).create(vals_list)

    def action_brief_security(self):
        """The security team has been told what the document says."""
        if any(issue.state == "done" for issue in self):
            raise UserError(self.env._("The issue is done."))
        self.write(
            {
                "security_briefed": True,
                "date_briefed": fields.Datetime.now(),
                "briefed_by_id": self.env.user.id,
            }
        )
        return True

    def action_hand_over_security(self):
        """Hand the prepared copies of the occupied units to the security team."""
        self.line_ids.filtered(
            lambda line: line.state == "prepared" and line.channel == "security"
        ).action_hand_over()
        return True

    def action_post_all(self):
        """The prepared copies to post have been posted."""
        self.line_ids.filtered(
            lambda line: line.state == "prepared" and line.channel == "post"
        ).action_post()
        return True

    def action_send_all(self):
        """E-mail the prepared paperless copies."""
        self.line_ids.filtered(
            lambda line: line.state == "prepared" and line.channel == "electronic"
        ).action_send()
        return True

    def action_done(self):
        if any(issue.state != "distributing" for issue in self):
            raise UserError(self.env._("Only an issue being distributed can be closed."))
        self.write({"state": "done"})
        return True

    def action_reopen(self):
        self.filtered(lambda issue: issue.state == "done").write({"state": "distributing"})
        return True

    def action_view_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler_distribution.property_document_line_action"
        )
        action["domain"] = [("issue_id", "=", self.id)]
        action["context"] = {"default_issue_id": self.id, "create": False}
        return action

    def action_print_labels(self):
        self.ensure_one()
        if not self.line_ids.filtered(lambda line: line.channel == "post"):
            raise UserError(self.env._("No copy of %s goes by post.", self.name))
        return self.env.ref(
            "property_butler_distribution.property_document_labels_report"
        ).report_action(self)

    def _portal_download_url(self, line):
        """Where the recipient of ``line`` downloads the document (the bridge with billing
        sends statements to the statement's own page)."""
        self.ensure_one()
        # (bin_size: whether there is a file, without reading it)
        if self.with_context(bin_size=True).file or self.report_id:
            return f"/my/documents/{line.id}/download"
        return False
