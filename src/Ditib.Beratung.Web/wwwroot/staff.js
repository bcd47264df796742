// Warns before the staff session ends for lack of activity, and says when it has ended. The pages work without it:
// the server ends the session whatever this script does. Timings come from the element's data attributes.
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
    window.setTimeout(function () {
        warning.hidden = false;
    }, Math.max(0, idle - lead) * 1000);
    window.setTimeout(function () {
        warning.hidden = false;
        soon.hidden = true;
        ended.hidden = false;
        warning.setAttribute("role", "alert");
    }, idle * 1000);
}());
