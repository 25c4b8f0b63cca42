import hashlib
import math
from collections import defaultdict
from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

MANAGER = "property_butler.property_butler_group_manager"


class PropertySurveyCampaign(models.Model):
    """A satisfaction survey campaign (用戶意見/建議滿意率調查, seed 001 1.1.14): one questionnaire
    sent to a sample of the households of some projects, drawn per grid. The answers give the
    response rate and the satisfaction rate, per item, grid, butler and project, against the
    company's quality targets (average ≥ 90 %, no item below 85 %)."""

    _name = "property.survey.campaign"
    _description = "Satisfaction Survey Campaign"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    project_ids = fields.Many2many(
        "property.project",
        string="Projects",
        required=True,
        check_company=True,
        help="The projects whose households are surveyed.",
    )
    survey_id = fields.Many2one(
        "survey.survey",
        string="Questionnaire",
        required=True,
        domain=[("survey_type", "in", ("survey", "custom"))],
        tracking=True,
        help="The survey of Odoo's Surveys app answered by the households. Its items are the "
        "single-choice questions whose choices carry a score (1 very dissatisfied … 5 very "
        "satisfied).",
    )
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(string="End", tracking=True)
    sample_share = fields.Float(
        string="Sample (%)",
        default=100.0,
        tracking=True,
        help="The share of the households of each grid that are invited (100 %: all of them). "
        "The sample is drawn per grid and is the same every time it is drawn again.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("running", "Running"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    invitation_ids = fields.One2many("property.survey.invitation", "campaign_id", "Invitations")
    satisfaction_target = fields.Float(
        related="company_id.property_survey_satisfaction_target", string="Satisfaction Target (%)"
    )
    item_target = fields.Float(
        related="company_id.property_survey_item_target", string="Item Target (%)"
    )
    # The results: of the invitations the user may read (a restricted butler: his grids).
    invitation_count = fields.Integer(string="Invited", compute="_compute_results")
    response_count = fields.Integer(string="Answered", compute="_compute_results")
    response_rate = fields.Float(string="Response Rate (%)", compute="_compute_results")
    satisfaction_rate = fields.Float(string="Satisfaction Rate (%)", compute="_compute_results")
    lowest_item_rate = fields.Float(string="Lowest Item (%)", compute="_compute_results")
    unsatisfied_count = fields.Integer(string="Unsatisfied", compute="_compute_results")
    target_result = fields.Selection(
        [("none", "No answers yet"), ("pass", "Target met"), ("fail", "Target missed")],
        compute="_compute_results",
        string="Quality Target",
    )
    result_html = fields.Html(string="Results", compute="_compute_results", sanitize=False)

    @api.constrains("sample_share", "date_start", "date_end")
    def _check_sample(self):
        for campaign in self:
            if not 0 < campaign.sample_share <= 100:
                raise ValidationError(self.env._("The sample is a share between 0 and 100 %."))
            if campaign.date_end and campaign.date_end < campaign.date_start:
                raise ValidationError(self.env._("The campaign cannot end before it starts."))

    # ------------------------------------------------------------------
    # Results
    # ------------------------------------------------------------------
    @api.depends("invitation_ids.state", "invitation_ids.unsatisfied")
    @api.depends_context("uid")
    def _compute_results(self):
        stats = self._results(self.ids)
        for campaign in self:
            data = stats.get(campaign.id) or self._empty_results()
            campaign.invitation_count = data["invited"]
            campaign.response_count = data["answered"]
            campaign.response_rate = data["response_rate"]
            campaign.satisfaction_rate = data["satisfaction"]
            campaign.lowest_item_rate = data["lowest_item"]
            campaign.unsatisfied_count = data["unsatisfied"]
            campaign.target_result = data["result"]
            campaign.result_html = (
                self.env["ir.qweb"]._render(
                    "property_butler_survey.property_survey_campaign_results",
                    {"campaign": campaign, "data": data},
                )
                if data["invited"]
                else False
            )

    @api.model
    def _empty_results(self):
        return {
            "invited": 0,
            "answered": 0,
            "response_rate": 0.0,
            "satisfaction": 0.0,
            "lowest_item": 0.0,
            "unsatisfied": 0,
            "result": "none",
            "items": [],
            "grids": [],
        }

    @api.model
    def _rate(self, part, whole):
        return 100.0 * part / whole if whole else 0.0

    @api.model
    def _results(self, campaign_ids):
        """{campaign id: results} as the user sees them (record rules apply): invitations,
        answers, response rate, satisfaction rate (share of scored items answered satisfied),
        per item (question) and per grid, against the company's targets."""
        Invitation = self.env["property.survey.invitation"]
        Result = self.env["property.survey.result"]
        # The results are a view of the answers, the invitations and the company's scores.
        self.env.flush_all()
        data = defaultdict(self._empty_results)
        grids = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
        for campaign, grid, state, unsatisfied, count in Invitation._read_group(
            [("campaign_id", "in", campaign_ids)],
            ["campaign_id", "grid_id", "state", "unsatisfied"],
            ["__count"],
        ):
            entry = data[campaign.id]
            entry["invited"] += count
            grids[campaign.id][grid][0] += count
            if state == "done":
                entry["answered"] += count
                grids[campaign.id][grid][1] += count
            if unsatisfied:
                entry["unsatisfied"] += count
        items = defaultdict(list)
        totals = defaultdict(lambda: [0, 0])
        for campaign, grid, question, satisfied, count in Result._read_group(
            [("campaign_id", "in", campaign_ids)],
            ["campaign_id", "grid_id", "question_id"],
            ["satisfied:sum", "__count"],
        ):
            items[campaign.id].append((question, satisfied, count))
            totals[campaign.id][0] += satisfied
            totals[campaign.id][1] += count
            grids[campaign.id][grid][2] += satisfied
            grids[campaign.id][grid][3] += count
        campaigns = self.browse(campaign_ids)
        for campaign in campaigns:
            if campaign.id not in data:
                continue
            entry = data[campaign.id]
            entry["response_rate"] = self._rate(entry["answered"], entry["invited"])
            per_item = defaultdict(lambda: [0, 0])
            for question, satisfied, count in items[campaign.id]:
                per_item[question][0] += satisfied
                per_item[question][1] += count
            entry["items"] = [
                {
                    "question": question,
                    "count": count,
                    "rate": self._rate(satisfied, count),
                    "pass": self._rate(satisfied, count) >= campaign.item_target,
                }
                for question, (satisfied, count) in sorted(
                    per_item.items(), key=lambda kv: (kv[0].sequence, kv[0].id)
                )
            ]
            satisfied, count = totals[campaign.id]
            entry["satisfaction"] = self._rate(satisfied, count)
            entry["lowest_item"] = min((i["rate"] for i in entry["items"]), default=0.0)
            if count:
                entry["result"] = (
                    "pass"
                    if entry["satisfaction"] >= campaign.satisfaction_target
                    and entry["lowest_item"] >= campaign.item_target
                    else "fail"
                )
            entry["grids"] = [
                {
                    "grid": grid,
                    "invited": invited,
                    "answered": answered,
                    "response_rate": self._rate(answered, invited),
                    "satisfaction": self._rate(sat, scored),
                    "scored": scored,
                    "pass": self._rate(sat, scored) >= campaign.satisfaction_target,
                }
                for grid, (invited, answered, sat, scored) in sorted(
                    grids[campaign.id].items(), key=lambda kv: kv[0].display_name or ""
                )
            ]
        return data

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _check_manager(self):
        if not self.env.su and not self.env.user.has_group(MANAGER):
            raise UserError(self.env._("Only the property manager launches survey campaigns."))
        self.check_access("write")

    def action_launch(self):
        """Run the campaign: draw the sample and invite the households."""
        self._check_manager()
        for campaign in self:
            if campaign.state != "draft":
                raise UserError(self.env._("Only a draft campaign is launched."))
            if not campaign.survey_id.sudo().active:
                raise UserError(self.env._("The questionnaire is archived."))
        self.write({"state": "running"})
        self.action_draw_sample()
        return True

    def action_close(self):
        """Close the campaign: the households that did not answer can no longer answer."""
        self._check_manager()
        self.write({"state": "closed", "date_end": fields.Date.context_today(self)})
        self.invitation_ids.filtered(lambda i: i.state != "done").user_input_id.sudo().write(
            {"deadline": fields.Datetime.now()}
        )
        return True

    def _deadline(self):
        """The end of the campaign's last day in the user's time zone, in UTC (naive)."""
        self.ensure_one()
        if not self.date_end:
            return False
        tz = pytz.timezone(
            self.env.user.tz if self.env.user.tz in pytz.all_timezones_set else DEFAULT_TZ
        )
        end = tz.localize(datetime.combine(self.date_end, time(23, 59, 59)))
        return end.astimezone(pytz.utc).replace(tzinfo=None)

    def action_reset_draft(self):
        self._check_manager()
        if self.invitation_ids:
            raise UserError(self.env._("A campaign that invited households stays launched."))
        self.write({"state": "draft"})
        return True

    def _sample_key(self, unit):
        """The unit's place in the campaign's draw: a hash of both ids, the same at every run."""
        return hashlib.sha256(f"{self.id}-{unit.id}".encode()).hexdigest()

    def _draw_sample(self):
        """{unit: partner} of the sampled households not invited yet: per grid (units without a
        grid form one group), the first ``sample_share`` % in the draw order, rounded up. A
        household is a unit with a billing contact (else an owner) today."""
        self.ensure_one()
        units = self.env["property.unit"].search(
            [("project_id", "in", self.project_ids.ids), ("company_id", "=", self.company_id.id)],
            order="id",
        )
        invited = set(self.invitation_ids.unit_id.ids)
        by_grid = defaultdict(list)
        partners = {}
        for unit in units:
            partner = unit.billing_partner_id or unit.owner_ids[:1]
            if not partner:
                continue
            partners[unit] = partner
            by_grid[unit.grid_id].append(unit)
        sample = {}
        for grid_units in by_grid.values():
            quota = math.ceil(len(grid_units) * self.sample_share / 100.0 - 1e-9)
            drawn = sorted(grid_units, key=self._sample_key)[:quota]
            for unit in drawn:
                if unit.id not in invited:
                    sample[unit] = partners[unit]
        return sample

    def action_draw_sample(self):
        """Draw the sample and invite the households through the portal and by e-mail: one
        answer (survey.user_input) per household and campaign. Drawing again invites only the
        households that joined the sample since (new units, new billing contacts)."""
        self._check_manager()
        Invitation = self.env["property.survey.invitation"]
        invitations = Invitation
        for campaign in self:
            if campaign.state != "running":
                raise UserError(self.env._("Launch the campaign first."))
            # Serialize draws of one campaign: the unique constraint does the rest.
            self.env.cr.execute(
                "SELECT id FROM property_survey_campaign WHERE id = %s FOR UPDATE", [campaign.id]
            )
            sample = campaign._draw_sample()
            if not sample:
                continue
            survey = campaign.survey_id.sudo()
            if not survey.active:
                raise UserError(self.env._("The questionnaire is archived."))
            units = sorted(sample, key=lambda u: u.code or "")
            input_vals = []
            for unit in units:
                partner = sample[unit]
                vals = {
                    "survey_id": survey.id,
                    "partner_id": partner.id,
                    "email": partner.email,
                    "nickname": partner.name,
                    "property_campaign_id": campaign.id,
                    "property_unit_id": unit.id,
                    "property_grid_id": unit.grid_id.id,
                    "property_butler_id": unit.grid_id.butler_id.id,
                }
                if survey.is_attempts_limited:
                    vals["invite_token"] = self.env["survey.user_input"]._generate_invite_token()
                if campaign.date_end:
                    vals["deadline"] = campaign._deadline()
                input_vals.append(vals)
            user_inputs = self.env["survey.user_input"].sudo().create(input_vals)
            invitations |= Invitation.sudo().create(
                [
                    {
                        "campaign_id": campaign.id,
                        "unit_id": unit.id,
                        "grid_id": unit.grid_id.id,
                        "butler_id": unit.grid_id.butler_id.id,
                        "partner_id": sample[unit].id,
                        "user_input_id": user_input.id,
                    }
                    for unit, user_input in zip(units, user_inputs, strict=True)
                ]
            )
        invitations._send_invitation_mail()
        if invitations:
            self.message_post(
                body=self.env._("%s households invited.", len(invitations)),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _action_results(self, xmlid, **context):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = dict(context, default_campaign_id=self.id)
        return action

    def action_view_invitations(self):
        return self._action_results("property_butler_survey.property_survey_invitation_action")

    def action_view_results(self):
        return self._action_results("property_butler_survey.property_survey_result_action")

    def action_view_unsatisfied(self):
        action = self.action_view_invitations()
        action["context"]["search_default_filter_unsatisfied"] = 1
        return action
