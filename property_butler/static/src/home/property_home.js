import { Component, onWillStart, useState } from "@odoo/owl";
import { deserializeDate } from "@web/core/l10n/dates";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { Layout } from "@web/search/layout";

/**
 * The home page (工作台) of each role: today's work as cards (a count and the filtered list
 * it opens) and, for supervisors and managers, the targets per project and grid. All the
 * figures come from one call, property.home.get_home_data().
 */
export class PropertyHome extends Component {
    static template = "property_butler.PropertyHome";
    static components = { Layout };
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({ data: null });
        this.display = { controlPanel: {} };
        onWillStart(() => this.load());
    }

    async load() {
        this.state.data = await this.orm.call("property.home", "get_home_data", []);
    }

    /** Today in the user's language, e.g. "Wednesday, 12/02/2026" or "2026年12月2日星期三". */
    get today() {
        return deserializeDate(this.state.data.today).toLocaleString({
            weekday: "long",
            year: "numeric",
            month: "long",
            day: "numeric",
        });
    }

    /** What the targets table shows: a sentence per figure of the installed addons. */
    get targetsLegend() {
        const targets = this.state.data.targets;
        const target = (value) => `${value.toFixed(0)} %`;
        const sentences = [];
        if (this.hasColumn("collection")) {
            sentences.push(
                _t("Collection rate: this year, target %(collection)s.", {
                    collection: target(targets.collection_target),
                })
            );
        }
        if (this.hasColumn("satisfaction")) {
            sentences.push(
                _t(
                    "Satisfaction: this year's callbacks, target %(satisfaction)s, no item below %(item)s.",
                    {
                        satisfaction: target(targets.satisfaction_target),
                        item: target(targets.satisfaction_item_target),
                    }
                )
            );
        }
        if (this.hasColumn("overdue")) {
            sentences.push(_t("Overdue tickets: open now."));
        }
        if (this.hasColumn("patrol")) {
            sentences.push(_t("Patrol completion: this month's rounds."));
        }
        return sentences.join(" ");
    }

    /** Whether an installed addon gives this figure of the targets table. */
    hasColumn(name) {
        return this.state.data.targets.columns.includes(name);
    }

    open(action) {
        this.action.doAction(action);
    }

    percent(value) {
        return value === null || value === undefined ? "–" : `${value.toFixed(1)} %`;
    }
}

registry.category("actions").add("property_butler.home", PropertyHome);
