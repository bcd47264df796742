// The staff session's idle limit, seen from the page. The pages work without this script: the server ends the session
// whatever it does. With it, a warning appears shortly before the idle end; "Stay signed in" and typing into a form
// renew the session in the background (GET /staff/keep-alive, at most once a minute while typing), so a note being
// written does not run into the idle end. Timings come from the warning element's data attributes.
(function () {
    "use strict";
    var warning = document.getElementById("session-warning");
    if (!warning) {
        return;
    }

    var idle = Number(warning.getAttribute("data-idle-seconds"));
    var lead = Number(warning.getAttribute("data-warning-seconds"));
    if (!(idle > 0)) {
        return;
    }

    var soon = warning.querySelector(".session-warning-soon");
    var ended = warning.querySelector(".session-warning-ended");
    var stay = soon.querySelector("a");
    var timers = [];
    var lastRenewal = Date.now();
    var over = false;

    function schedule() {
        timers.forEach(window.clearTimeout);
        timers = [
            window.setTimeout(function () { warning.hidden = false; }, Math.max(0, idle - lead) * 1000),
            window.setTimeout(end, idle * 1000)
        ];
    }

    function end() {
        over = true;
        timers.forEach(window.clearTimeout);
        warning.hidden = false;
        soon.hidden = true;
        ended.hidden = false;
        warning.setAttribute("role", "alert");
    }

    function renew() {
        if (over) {
            return;
        }

        lastRenewal = Date.now();
        window.fetch("/staff/keep-alive", { credentials: "same-origin", redirect: "manual", cache: "no-store" })
            .then(function (response) {
                if (response.status === 204) {
                    warning.hidden = true;
                    schedule();
                } else {
                    end();
                }
            })
            .catch(function () { /* offline: the timers keep telling the truth */ });
    }

    stay.addEventListener("click", function (event) {
        event.preventDefault();
        renew();
    });
    document.addEventListener("input", function () {
        if (Date.now() - lastRenewal > 60000) {
            renew();
        }
    });
    schedule();
}());
