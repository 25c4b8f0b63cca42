import { registry } from "@web/core/registry";

/**
 * A resident opens My Statements from his portal home, finds each month with its closing
 * balance and downloads the statement of November 2026 (the PDF response is checked in the
 * browser; tests/test_tours_statement.py checks its content).
 */
registry.category("web_tour.tours").add("property_statement_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open My Statements from the portal home",
            trigger: "a[href='/my/statements']",
            run: "click",
        },
        {
            content: "Each month shows its closing balance",
            trigger: "tr:has(a.o_statement_download[href='/my/statements/2026-11/pdf']) td.o_statement_closing:not(:empty)",
        },
        {
            content: "The oldest month is listed too",
            trigger: "a.o_statement_download[href='/my/statements/2026-08/pdf']",
        },
        {
            content: "Download the statement of November 2026",
            trigger: "a.o_statement_download[href='/my/statements/2026-11/pdf']",
            async run() {
                const anchor = this.anchor;
                // The link opens the PDF in a new tab: fetch it as that tab would.
                const response = await fetch(anchor.getAttribute("href"));
                const type = response.headers.get("Content-Type");
                const disposition = response.headers.get("Content-Disposition") || "";
                if (!response.ok || type !== "application/pdf" || !disposition.includes("2026-11")) {
                    throw new Error(
                        `Statement download failed: ${response.status} ${type} ${disposition}`
                    );
                }
                anchor.classList.add("o_statement_downloaded");
            },
        },
        {
            content: "The download went through",
            trigger: "a.o_statement_downloaded",
        },
    ],
});
