/** @odoo-module */
// Every menu of the product the user sees: open it, click New where offered, and check that
// each required many2one of the form (or wizard) offers at least one choice.
import { registry } from "@web/core/registry";

// Choices that depend on another field of the form, empty until it is set (a contact's bank
// accounts): not checked on a blank form.
const DEPENDENT = ["bank_account_id"];

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check, timeout = 8000) {
    const start = Date.now();
    while (Date.now() - start < timeout) {
        const result = check();
        if (result) {
            return result;
        }
        await delay(50);
    }
    return null;
}

function descendants(menus, menu) {
    const children = (menu.children || []).map((id) => menus[id]).filter(Boolean);
    return children.flatMap((child) => [child, ...descendants(menus, child)]);
}

async function checkRequiredMany2ones(scope, where, problems) {
    const inputs = [
        ...scope.querySelectorAll(
            ".o_field_many2one.o_required_modifier:not(.o_readonly_modifier) input"
        ),
    ];
    for (const input of inputs) {
        const field = input.closest(".o_field_widget").getAttribute("name");
        if (!input.isConnected || DEPENDENT.includes(field)) {
            continue;
        }
        input.focus();
        input.click();
        const menu = await until(
            () =>
                document.querySelector(".o-autocomplete--dropdown-menu") &&
                !document.querySelector(".o-autocomplete--dropdown-menu .fa-spin") &&
                document.querySelector(".o-autocomplete--dropdown-menu"),
            4000
        );
        await delay(150);
        const options = menu
            ? menu.querySelectorAll(
                  ".o-autocomplete--dropdown-item:not(.o_m2o_dropdown_option):not(.o_m2o_no_result)"
              ).length
            : 0;
        if (!options) {
            problems.push(`${where}: required field ${field} offers no choice`);
        }
        input.blur();
        await until(() => !document.querySelector(".o-autocomplete--dropdown-menu"), 400);
    }
}

function productMenus() {
    const menuService = odoo.__WOWL_DEBUG__.root.env.services.menu;
    const byXmlid = {};
    const index = (m) => {
        byXmlid[m.xmlid] = m;
        (m.childrenTree || []).forEach(index);
    };
    index(menuService.getMenuAsTree("root"));
    const root = byXmlid["property_butler.property_butler_menu_root"];
    const flat = (m) => (m.childrenTree || []).flatMap((c) => [c, ...flat(c)]);
    return root
        ? flat(root).filter((m) => m.actionID && m.actionModel !== "ir.actions.act_url")
        : [];
}

async function checkMenu(item, problems) {
    const env = odoo.__WOWL_DEBUG__.root.env;
    const where = item.xmlid || item.name;
    await env.services.action.doAction(item.actionID, { clearBreadcrumbs: true });
    const shown = await until(
        () =>
            document.querySelector(".modal .o_form_view") ||
            document.querySelector(
                ".o_action_manager .o_view_controller .o_content, .o_action_manager .o_view_nocontent, .o_action_manager .o_form_view, .o_action_manager .o_action, .o_action_manager .o_property_home"
            )
    );
    if (!shown) {
        problems.push(`${where}: nothing opened`);
        return;
    }
    await delay(200);
    const modal = document.querySelector(".modal .o_form_view");
    if (modal) {
        await checkRequiredMany2ones(modal, `${where} (wizard)`, problems);
        document.querySelector(".modal .btn-close")?.click();
        await until(() => !document.querySelector(".modal .o_form_view"), 3000);
        return;
    }
    const create = document.querySelector(
        ".o_control_panel .o_list_button_add, .o_control_panel .o-kanban-button-new, .o_control_panel .o_form_button_create"
    );
    if (!create) {
        return;
    }
    create.click();
    const form = await until(
        () =>
            document.querySelector(".modal .o_form_view") ||
            document.querySelector(".o_action_manager .o_form_view .o_form_editable") ||
            document.querySelector(".o_data_row.o_selected_row")
    );
    if (!form) {
        problems.push(`${where}: New opened nothing`);
        return;
    }
    await delay(200);
    await checkRequiredMany2ones(form, `${where} (New)`, problems);
    document.querySelector(".modal .btn-close")?.click();
    document.querySelector(".o_form_button_cancel, .o_list_button_discard")?.click();
    await delay(200);
}

registry.category("web_tour.tours").add("property_all_menus", {
    url: "/odoo",
    steps: () => {
        const problems = [];
        const items = productMenus();
        return [
            {
                trigger: ".o_main_navbar",
                run() {
                    if (!items.length) {
                        throw new Error("The Property app is not in the menu");
                    }
                },
            },
            ...items.map((item) => ({
                content: `menu ${item.xmlid}`,
                trigger: ".o_main_navbar",
                run: () => checkMenu(item, problems),
            })),
            {
                trigger: ".o_main_navbar",
                run() {
                    console.info(`property_all_menus: ${items.length} menus checked`);
                    if (problems.length) {
                        console.error(`property_all_menus:\n${problems.join("\n")}`);
                    }
                },
            },
        ];
    },
});
