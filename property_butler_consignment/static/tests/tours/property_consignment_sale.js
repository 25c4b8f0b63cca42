/** @odoo-module **/

import { registry } from "@web/core/registry";

// The front desk sells two cinema tickets at the desk: the price comes from the item, the
// amount is computed, the stock goes down.
registry.category("web_tour.tours").add("property_consignment_sale", {
    steps: () => [
        {
            content: "New sale",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Item",
            trigger: ".o_field_widget[name=item_id] input",
            run: "edit 电影票",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(电影票 2D)",
            run: "click",
        },
        {
            content: "The item's price",
            trigger: ".o_field_widget[name=price] input:value(35.00)",
        },
        {
            content: "Two tickets",
            trigger: ".o_field_widget[name=quantity] input",
            run: "edit 2",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved, with its amount",
            trigger: ".o_form_saved .o_field_widget[name=amount]:contains(70)",
        },
    ],
});
