/** @odoo-module */
// Guard's check-in page (/property/checkin/<token>): ask the phone for its position (browser
// Geolocation API) and post it with the form. Optional: without it the check-in still works,
// and the supervisors see that no position was shared.

function show(box, state) {
    for (const name of ["pending", "ok", "denied"]) {
        box.querySelector(`.o_patrol_geo_${name}`)?.classList.toggle("d-none", name !== state);
    }
}

function locate() {
    const form = document.querySelector("form.o_patrol_checkin_form");
    const box = form?.querySelector(".o_patrol_geo");
    if (!form || !box || !navigator.geolocation) {
        return;
    }
    show(box, "pending");
    navigator.geolocation.getCurrentPosition(
        (position) => {
            const { latitude, longitude, accuracy } = position.coords;
            form.querySelector(".o_patrol_geo_latitude").value = latitude;
            form.querySelector(".o_patrol_geo_longitude").value = longitude;
            form.querySelector(".o_patrol_geo_accuracy").value = accuracy;
            box.querySelector(".o_patrol_geo_meters").textContent = Math.round(accuracy);
            show(box, "ok");
        },
        () => show(box, "denied"),
        { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }
    );
}

if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", locate);
} else {
    locate();
}
