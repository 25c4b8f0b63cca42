/** @odoo-module **/

import { registry } from "@web/core/registry";

// The manager reads the results of the running campaign (below target on cleaning), then
// prepares a new campaign on the same questionnaire and launches it.
registry.category("web_tour.tours").add("property_survey_campaign", {
    steps: () => [
        {
            content: "Open the running campaign",
            trigger: ".o_data_row td:contains(Autumn survey)",
            run: "click",
        },
        {
            content: "The quality target is missed",
            trigger: ".ribbon:contains(Target missed)",
        },
        {
            content: "Cleaning is the item below its target",
            trigger: ".o_property_survey_items tr:contains(Cleaning) .badge:contains(Fail)",
        },
        {
            content: "Butler service meets it",
            trigger: ".o_property_survey_items tr:contains(Butler service) .badge:contains(Pass)",
        },
        {
            content: "Back to the campaigns",
            trigger: ".o_back_button, .breadcrumb-item a",
            run: "click",
        },
        {
            content: "A new campaign",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit Spring survey",
        },
        {
            content: "The questionnaire",
            trigger: ".o_field_widget[name=survey_id] input",
            run: "edit Satisfaction",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Satisfaction 2026)",
            run: "click",
        },
        {
            content: "The project",
            trigger: ".o_field_widget[name=project_ids] input",
            run: "edit Sunshine",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Sunshine Garden)",
            run: "click",
        },
        {
            content: "Launch it",
            trigger: "button[name=action_launch]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Both households are invited",
            trigger: "button[name=action_view_invitations] .o_stat_value:contains(2)",
        },
        {
            content: "Running",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Running)",
        },
    ],
});

// A resident finds the survey on the portal and opens it with his own invitation.
registry.category("web_tour.tours").add("property_survey_portal", {
    url: "/my",
    steps: () => [
        {
            content: "The Surveys card",
            trigger: "a[href='/my/surveys']",
            run: "click",
        },
        {
            content: "Answer the campaign",
            trigger: ".o_property_survey_row:contains(Autumn survey) a.o_property_survey_answer",
            run: "click",
        },
        {
            content: "The questionnaire opens",
            trigger: ".o_survey_form:contains(Satisfaction 2026), .o_survey_wrap:contains(Satisfaction 2026)",
        },
    ],
});
