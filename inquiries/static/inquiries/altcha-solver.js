/* Solves the form's ALTCHA proof-of-work challenge (SHA-256 of salt + number) in the browser,
   so the inquiry reaches the cooperative at once. Without this script, or without Web Crypto,
   the form still sends and the trade desk checks the inquiry first. */
(function () {
    "use strict";
    var encoder = new TextEncoder();

    function hex(buffer) {
        return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
            return b.toString(16).padStart(2, "0");
        }).join("");
    }

    async function solve(challenge) {
        for (var n = 0; n <= challenge.maxNumber; n++) {
            var digest = await crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + n));
            if (hex(digest) === challenge.challenge) {
                return btoa(JSON.stringify({
                    algorithm: challenge.algorithm,
                    challenge: challenge.challenge,
                    number: n,
                    salt: challenge.salt,
                    signature: challenge.signature
                }));
            }
        }
        return "";
    }

    function setUp(form) {
        var data = document.getElementById(form.dataset.altcha);
        var field = form.querySelector("input[name=altcha]");
        var status = form.querySelector("[data-altcha-status]");
        if (!data || !field || !window.crypto || !crypto.subtle) {
            return;
        }
        var solving = null;
        function start() {
            solving = solving || solve(JSON.parse(data.textContent)).then(function (payload) {
                field.value = payload;
                return payload;
            });
            return solving;
        }
        form.addEventListener("focusin", start, { once: true });
        form.addEventListener("submit", function (event) {
            if (field.value || form.dataset.altchaWaited) {
                return;
            }
            event.preventDefault();
            if (status) {
                status.textContent = status.dataset.waiting || "…";
            }
            form.dataset.altchaWaited = "1";
            start().finally(function () {
                form.requestSubmit ? form.requestSubmit() : form.submit();
            });
        });
    }

    document.querySelectorAll("form[data-altcha]").forEach(setUp);

    /* After a failed submission, the error summary takes the focus, as screen readers expect. */
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
    }
}());
