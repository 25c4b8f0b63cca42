from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_notices(self):
        """Two boards per cluster, a handful of notices (one expired still posted, one water
        outage, one urgent)."""
        project = self._demo_project()
        Notice = self.env["property.notice"]
        if not project or Notice.search_count([("project_id", "=", project.id)], limit=1):
            return
        clusters = self.env["property.cluster"].search([("project_id", "=", project.id)])
        board_vals = []
        for cluster in clusters:
            board_vals += [
                {
                    "name": f"{cluster.name}大堂公告栏",
                    "location": f"{cluster.name}入口大堂",
                    "project_id": project.id,
                    "cluster_id": cluster.id,
                },
                {
                    "name": f"{cluster.name}电梯厅公告栏",
                    "location": f"{cluster.name}首层电梯厅",
                    "project_id": project.id,
                    "cluster_id": cluster.id,
                },
            ]
        boards = self.env["property.notice.board"].create(board_vals)
        today = fields.Date.context_today(self)
        now = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
        building = self.env["property.building"].search(
            [("project_id", "=", project.id)], order="id", limit=1
        )
        notices = Notice.create(
            [
                {
                    "name": "关于缴纳物业管理费的温馨提示",
                    "category": "fee",
                    "project_id": project.id,
                    "board_ids": [fields.Command.set(boards.ids)],
                    "body": "<p>各位业主：本月物业管理费对账单已发放，请于月底前缴纳。</p>",
                    "date_post": today - timedelta(days=20),
                    "date_expiry": today - timedelta(days=3),
                },
                {
                    "name": "社区中秋游园活动通知",
                    "category": "activity",
                    "project_id": project.id,
                    "board_ids": [fields.Command.set(boards[:2].ids)],
                    "body": "<p>本周六上午在中心花园举办中秋游园活动，欢迎各位业主参加。</p>",
                    "date_post": today - timedelta(days=2),
                    "date_expiry": today + timedelta(days=5),
                },
                {
                    "name": "台风防范安全提示",
                    "category": "safety",
                    "priority": "important",
                    "project_id": project.id,
                    "board_ids": [fields.Command.set(boards.ids)],
                    "body": "<p>台风即将来临，请关好门窗，收好阳台物品。</p>",
                    "date_post": today - timedelta(days=1),
                    "date_expiry": today + timedelta(days=3),
                },
                {
                    "name": "停水通知",
                    "category": "outage",
                    "is_outage": True,
                    "utility": "water",
                    "priority": "important",
                    "project_id": project.id,
                    "building_ids": [fields.Command.set(building.ids)],
                    "board_ids": [fields.Command.set(boards[:2].ids)],
                    "outage_start": now + timedelta(days=2),
                    "outage_end": now + timedelta(days=2, hours=6),
                    "body": "<p>因二次供水设备检修，届时将暂停供水，请提前做好储水准备。</p>",
                    "date_post": today,
                    "date_expiry": today + timedelta(days=3),
                },
                {
                    "name": "电梯年检通知（草稿）",
                    "category": "outage",
                    "is_outage": True,
                    "utility": "lift",
                    "project_id": project.id,
                    "building_ids": [fields.Command.set(building.ids)],
                    "body": "<p>电梯将进行年度检验，期间暂停使用。</p>",
                    "date_post": today + timedelta(days=5),
                    "date_expiry": today + timedelta(days=10),
                },
            ]
        )
        # Posted without mailing anyone (the demo's urgent notices are not sent).
        notices[:4].write({"state": "posted"})
