/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// The front desk (in Chinese) registers a move-in of 3-2-1501: the move-in is refused while the
// checklist is not complete, then completed, which registers the occupancy.
registry.category("web_tour.tours").add("property_move_in_desk", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "The Property app",
            trigger: '.o_app[data-menu-xmlid="property_butler.property_butler_menu_root"]',
            run: "click",
        },
        {
            content: "Front desk",
            trigger: '.o_menu_sections [data-menu-xmlid="property_butler.property_butler_menu_front_desk"]',
            run: "click",
        },
        {
            content: "Move-ins (入住)",
            trigger: '.dropdown-item[data-menu-xmlid="property_butler_move.property_move_menu_in"]:contains(入住)',
            run: "click",
        },
        {
            content: "A new move-in",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Unit",
            trigger: ".o_field_widget[name=unit_id] input",
            run: "edit 1501",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(1501)",
            run: "click",
        },
        {
            content: "The resident who moves in",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit 李强",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(李强)",
            run: "click",
        },
        {
            content: "A tenant",
            trigger: ".o_field_widget[name=role] select",
            run: 'select "tenant"',
        },
        {
            content: "Identity checked",
            trigger: ".o_field_widget[name=identity_checked] input",
            run: "click",
        },
        {
            content: "Documents received",
            trigger: ".o_field_widget[name=documents_received] input",
            run: "click",
        },
        {
            content: "Covenant signed",
            trigger: ".o_field_widget[name=covenant_signed] input",
            run: "click",
        },
        {
            content: "Complete too early: the handbook, auto-debit and cards are not ticked",
            trigger: "button[name=action_done]:contains(完成入住)",
            run: "click",
        },
        {
            content: "Refused, in Chinese",
            trigger: ".modal .modal-body:contains(入住检查清单未完成)",
        },
        {
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Handbook given",
            trigger: "body:not(:has(.modal)) .o_field_widget[name=handbook_given] input",
            run: "click",
        },
        {
            content: "Auto-debit offered",
            trigger: ".o_field_widget[name=debit_offered] input",
            run: "click",
        },
        {
            content: "Access cards issued",
            trigger: ".o_field_widget[name=cards_issued] input",
            run: "click",
        },
        {
            content: "Their numbers",
            trigger: ".o_field_widget[name=card_numbers] input",
            run: "edit 0031501, 0031502",
        },
        {
            content: "Complete the move-in",
            trigger: "button[name=action_done]:contains(完成入住)",
            run: "click",
        },
        {
            content: "Completed",
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="done"]:contains(已完成)',
        },
        {
            content: "The occupancy it registered",
            trigger: "button[name=action_view_occupancies]",
        },
    ],
});
