/** @odoo-module **/

import { registry } from "@web/core/registry";

// A 1×1 red PNG: the photo the resident takes of the problem.
const PHOTO_PNG =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

function photoFile() {
    const bytes = Uint8Array.from(atob(PHOTO_PNG), (c) => c.charCodeAt(0));
    return new File([bytes], "leak.png", { type: "image/png" });
}

/**
 * A resident, on his phone, reports a repair with a photo from his unit's page, then follows
 * it from My Tickets.
 */
registry.category("web_tour.tours").add("property_portal_report_repair", {
    url: "/my/units",
    steps: () => [
        {
            content: "Open the unit from My Units",
            trigger: "a[href^='/my/units/']:contains('3-2-1502')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The unit's page offers to report a problem",
            trigger: "a.o_property_report_problem",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The unit is already chosen",
            trigger: "select[name='unit_id']:has(option[selected]:contains('3-2-1502'))",
        },
        {
            content: "The emergency number of the service centre is there",
            trigger: ".o_property_service_centres a[href='tel:020-1234']",
        },
        {
            content: "Choose a repair",
            trigger: "select[name='ticket_type_id']",
            run: "selectByLabel Repair",
        },
        {
            content: "Say what is wrong",
            trigger: "input[name='title']",
            run: "edit Water leaking under the sink",
        },
        {
            content: "Describe it",
            trigger: "textarea[name='description']",
            run: "edit The pipe under the kitchen sink drips since this morning.",
        },
        {
            content: "Attach a photo",
            trigger: "input[type='file'][name='photos']",
            run() {
                const transfer = new DataTransfer();
                transfer.items.add(photoFile());
                this.anchor.files = transfer.files;
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "Send the request",
            trigger: "form.o_property_ticket_form button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The service centre received it",
            trigger: ".alert-success:contains('your request was sent')",
        },
        {
            content: "The photo is on the ticket",
            trigger: ".o_property_ticket_photos img[alt='leak.png']",
        },
        {
            content: "The resident knows when to expect an answer",
            trigger: ".o_property_ticket_response_deadline",
        },
        {
            content: "Back to My Tickets",
            trigger: ".o_portal_submenu a[href='/my/tickets']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Follow the request from the list",
            trigger: "tr:contains('Water leaking under the sink') a",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Its page shows where it stands",
            trigger: "h4:contains('Water leaking under the sink')",
        },
    ],
});

/**
 * Once staff completed the repair, the same resident rates it.
 */
registry.category("web_tour.tours").add("property_portal_rate_callback", {
    url: "/my/tickets",
    steps: () => [
        {
            content: "Open the completed repair",
            trigger: "tr:contains('Water leaking under the sink') a",
            run: "click",
            expectUnloadPage: true,
        },
        ...["score_attitude", "score_quality", "score_timeliness", "score_etiquette"].map(
            (score) => ({
                content: `Rate ${score}`,
                trigger: `form.o_property_ticket_rating label[for='${score}_5']`,
                run: "click",
            })
        ),
        {
            content: "A word of thanks",
            trigger: "textarea[name='comment']",
            run: "edit Fixed the same afternoon, thank you.",
        },
        {
            content: "Send the rating",
            trigger: "form.o_property_ticket_rating button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The rating was recorded",
            trigger: ".alert-success:contains('Thank you for your rating')",
        },
        {
            content: "Nothing more to rate",
            trigger: "body:not(:has(form.o_property_ticket_rating))",
        },
    ],
});
