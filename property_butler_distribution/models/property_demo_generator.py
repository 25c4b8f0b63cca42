import base64
from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step

PRICE_LIST = """阳光花园 特约服务收费标准（2026 年）

家居保洁（每小时）…………………… 60 元
空调清洗（每台）……………………… 120 元
水龙头更换（人工）…………………… 30 元
疏通下水道（每次）…………………… 80 元
代收快递、代订桶装水………………… 免费
空置房托管（每月）…………………… 200 元

如需服务，请致电客服中心或联系您的管家。
"""


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_document_issue(self):
        """The price list of the paid services issued to the whole estate three weeks ago: copies
        in every state, some still unclaimed (the butlers have calls to make)."""
        project = self._demo_project()
        Issue = self.env["property.document.issue"]
        if not project or Issue.search_count(
            [("project_id", "=", project.id), ("document_type", "=", "price_list")], limit=1
        ):
            return
        butler = self.env.ref("property_butler.user_butler1", raise_if_not_found=False)
        now = fields.Datetime.now()
        issue = Issue.create(
            {
                "name": "2026 年特约服务收费标准",
                "document_type": "price_list",
                "project_id": project.id,
                "date": fields.Date.context_today(self) - timedelta(days=21),
                "user_id": butler.id if butler else self.env.uid,
                "content": "特约服务（家居保洁、空调清洗、维修等）的新收费标准，自下月起执行。"
                "请向业主说明：价格已含材料以外的人工费，预约请致电客服中心。",
                "file": base64.b64encode(PRICE_LIST.encode()),
                "file_name": "特约服务收费标准2026.txt",
            }
        )
        rng = self._demo_rng("documents")
        # Owners who live elsewhere left the address to post their documents to.
        streets = ["天河区体育东路", "越秀区中山五路", "海珠区江南大道中", "番禺区市桥街"]
        for unit in self.env["property.unit"].search(
            [
                ("project_id", "=", project.id),
                ("state", "=", "vacant"),
                ("unit_type", "=", "residential"),
                ("mailing_address", "=", False),
            ]
        ):
            unit.mailing_address = (
                f"广东省广州市{rng.choice(streets)} {rng.randint(1, 300)} 号 "
                f"{rng.randint(2, 30)}{rng.randint(1, 4):02d} 室"
            )
        # A few residents chose paperless documents: they get them on the portal and by e-mail.
        contacts = (
            self.env["property.unit"]
            .search([("project_id", "=", project.id), ("state", "!=", "vacant")])
            .billing_partner_id.filtered("email")
            .sorted("id")
        )
        contacts.filtered(lambda partner: rng.random() < 0.1).property_paperless = True
        issue.action_generate_lines()
        issue.write(
            {
                "security_briefed": True,
                "date_briefed": now - timedelta(days=21),
                "briefed_by_id": issue.user_id.id,
            }
        )
        lines = issue.line_ids.sorted("id")
        states = {"prepared": [], "out": [], "unclaimed": [], "received": [], "signed": []}
        for line in lines:
            roll = rng.random()
            if line.channel == "in_person":
                states["signed" if roll < 0.8 else "prepared"].append(line.id)
            elif roll < 0.6:
                states["received"].append(line.id)
            elif roll < 0.8:
                states["unclaimed"].append(line.id)
            elif roll < 0.93:
                states["out"].append(line.id)
            else:
                states["prepared"].append(line.id)
        Line = self.env["property.document.line"]
        handed = now - timedelta(days=20)
        received_day = fields.Date.context_today(self) - timedelta(days=17)
        by_channel = {"security": "handed_over", "post": "posted", "electronic": "sent"}
        for channel, state in by_channel.items():
            out = Line.browse(states["out"] + states["unclaimed"] + states["received"])
            out.filtered(lambda line, c=channel: line.channel == c).write(
                {"state": state, "date_handed": handed, "handed_by_id": issue.user_id.id}
            )
        # Handed over recently: not unclaimed yet.
        Line.browse(states["out"]).write({"date_handed": now - timedelta(days=3)})
        Line.browse(states["received"]).write({"state": "received", "date_received": received_day})
        Line.browse(states["signed"]).write(
            {
                "state": "received",
                "date_handed": handed,
                "handed_by_id": issue.user_id.id,
                "date_received": received_day,
                "signature": self._demo_signature(rng),
            }
        )
        # Two weeks on: the butlers' calls, one already made.
        Line._cron_unclaimed_calls()
        called = Line.browse(states["unclaimed"][:1])
        if called:
            called.with_user(called.butler_id or self.env.user)._log_call(
                "will_collect", "业主出差，下周回来后到客服中心领取。"
            )
