/** @odoo-module **/

import { registry } from "@web/core/registry";

// A guard, on his phone, scans the control room's QR code (the tour starts on the check-in
// page it opens), answers the checklist, writes a remark and checks in.
// No `url`: the page is /property/checkin/<the checkpoint's secret token>, given by the test
// (start_tour); a tour url would redirect there instead.
registry.category("web_tour.tours").add("property_patrol_checkin", {
    steps: () => [
        {
            content: "The check-in page shows the checkpoint and its checklist",
            trigger: "h3:contains(Control Room)",
        },
        {
            content: "The fire panel shows a fault: answer Problem",
            trigger: ".o_patrol_item:contains(Fire panel without alarm) label.btn-outline-danger",
            run: "click",
        },
        {
            content: "Describe the problem",
            trigger: ".o_patrol_item:contains(Fire panel without alarm) input[type=text]",
            run: "edit Fault light on zone 4",
        },
        {
            content: "The CCTV screens are all on: OK",
            trigger: ".o_patrol_item:contains(CCTV screens all on) label.btn-outline-success",
            run: "click",
        },
        {
            content: "Leave a remark",
            trigger: "textarea[name=remark]",
            run: "edit Door was unlocked, locked it.",
        },
        {
            content: "Check in",
            trigger: ".o_patrol_checkin_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Back on my rounds, with the confirmation and the finding raised",
            trigger: ".o_patrol_done:contains(Checked in at):contains(Control Room):contains(Findings raised)",
        },
        {
            content: "The round shows one checkpoint of two done",
            trigger: ".o_patrol_progress:contains(1 / 2 checked in)",
        },
    ],
});
