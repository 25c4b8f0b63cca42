import { registry } from "@web/core/registry";

/**
 * A butler lands on his home (工作台) after login and opens the tickets due from their card:
 * the list holds as many tickets as the card counted.
 */
registry.category("web_tour.tours").add("property_home_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "The butler lands on his home",
            trigger: ".o_property_home .o_property_home_card_tickets_due",
        },
        {
            content: "No targets on a butler's home",
            trigger: ".o_property_home:not(:has(.o_property_home_targets))",
        },
        {
            content: "Open the tickets due",
            trigger: ".o_property_home_card_tickets_due",
            run() {
                const count = this.anchor.querySelector(".o_property_home_count").textContent;
                document.body.dataset.pbTicketsDue = count.trim();
                this.anchor.click();
            },
        },
        {
            content: "The filtered list opens below the home in the breadcrumbs",
            trigger: ".o_breadcrumb:contains(Home)",
        },
        {
            content: "It lists the tickets counted on the card",
            trigger: ".o_list_view, .o_kanban_view",
            run() {
                const expected = document.body.dataset.pbTicketsDue;
                const rows = document.querySelectorAll(".o_data_row, .o_kanban_record:not(.o_kanban_ghost)");
                const pager = document.querySelector(".o_pager_limit");
                const shown = pager ? pager.textContent.trim() : String(rows.length);
                if (shown !== expected) {
                    throw new Error(`The card counted ${expected} tickets, the list shows ${shown}`);
                }
            },
        },
    ],
});
