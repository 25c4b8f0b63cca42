from collections import Counter, defaultdict

from odoo import models

from ..models.property_ticket import BUTLER_SCORE_FIELDS

SATISFIED = {"4", "5"}


class PropertyTicketSatisfaction(models.TransientModel):
    _inherit = "property.ticket.satisfaction"

    def _get_report_data(self):
        data = super()._get_report_data()
        data["butler_ratings"] = self._butler_rating_rows()
        return data

    def _butler_rating_rows(self):
        """Per department: the tickets its butlers rated in the period, the average of each
        item and the share of items scored 4 or 5 (as the residents' satisfaction rate),
        flagged below the company's target; one grouped query per item."""
        self.ensure_one()
        Ticket = self.env["property.ticket"]
        domain = [
            ("company_id", "=", self.company_id.id),
            ("date_done", ">=", self.date_from),
            ("date_done", "<=", self.date_to),
            ("butler_rated_on", "!=", False),
        ]
        if self.project_id:
            domain.append(("project_id", "=", self.project_id.id))
        scores = defaultdict(lambda: {name: Counter() for name in BUTLER_SCORE_FIELDS})
        for name in BUTLER_SCORE_FIELDS:
            for department, score, count in Ticket._read_group(
                domain, ["department_id", name], ["__count"]
            ):
                scores[department][name][score] += count
        rows = []
        for department, items in scores.items():
            count = sum(items[BUTLER_SCORE_FIELDS[0]].values())
            averages = [
                sum(int(score) * n for score, n in items[name].items() if score) / count
                for name in BUTLER_SCORE_FIELDS
            ]
            satisfied = sum(
                n
                for name in BUTLER_SCORE_FIELDS
                for score, n in items[name].items()
                if score in SATISFIED
            )
            rate = 100.0 * satisfied / (count * len(BUTLER_SCORE_FIELDS))
            rows.append(
                {
                    "label": department.display_name or self.env._("No department"),
                    "count": count,
                    "averages": averages,
                    "satisfaction": rate,
                    "meets_target": rate >= self.target,
                }
            )
        return sorted(rows, key=lambda row: (-row["satisfaction"], row["label"]))
