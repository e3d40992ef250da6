/* Catalogue search, progressively enhanced: the page works without this file.
   - autocomplete under the search box: an ARIA 1.2 combobox with a listbox popup;
   - filters and sort apply as soon as they change;
   - empty parameters are left out of the URL. */
(function () {
    "use strict";

    var form = document.getElementById("catalogue-form");
    var box = form && form.querySelector(".search-combobox");
    if (!form || !box) return;
    var input = box.querySelector("[role=combobox]");
    var list = box.querySelector("[role=listbox]");
    var status = document.getElementById("catalogue-q-status");
    var endpoint = box.getAttribute("data-autocomplete-url");
    var active = -1;
    var timer = null;
    var pending = null;

    function options() {
        return list.querySelectorAll("[role=option]");
    }

    function close() {
        list.hidden = true;
        list.innerHTML = "";
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
        active = -1;
    }

    function highlight(index) {
        var items = options();
        if (!items.length) return;
        active = (index + items.length) % items.length;
        items.forEach(function (item, i) {
            item.setAttribute("aria-selected", i === active ? "true" : "false");
        });
        input.setAttribute("aria-activedescendant", items[active].id);
        items[active].scrollIntoView({ block: "nearest" });
    }

    function render(results) {
        list.innerHTML = "";
        results.forEach(function (result, i) {
            var item = document.createElement("li");
            item.id = "catalogue-q-option-" + i;
            item.setAttribute("role", "option");
            item.setAttribute("aria-selected", "false");
            item.dataset.url = result.url;
            item.textContent = result.title;
            if (result.category) {
                var category = document.createElement("span");
                category.className = "search-suggestions__category";
                category.textContent = result.category;
                item.appendChild(category);
            }
            item.addEventListener("mousedown", function (event) {
                event.preventDefault(); // keep focus in the input until we navigate
                window.location.href = result.url;
            });
            list.appendChild(item);
        });
        var open = results.length > 0;
        list.hidden = !open;
        input.setAttribute("aria-expanded", open ? "true" : "false");
        active = -1;
        if (status) {
            status.textContent = open ? results.length + " " + (box.dataset.msgResults || "gợi ý") : "";
        }
    }

    function suggest() {
        var q = input.value.trim();
        if (q.length < 2) return close();
        if (pending) pending.abort();
        pending = new AbortController();
        var sep = endpoint.indexOf("?") === -1 ? "?" : "&";
        fetch(endpoint + sep + "q=" + encodeURIComponent(q), { signal: pending.signal })
            .then(function (response) {
                return response.ok ? response.json() : { results: [] };
            })
            .then(function (body) {
                if (input.value.trim() === q) render(body.results || []);
            })
            .catch(function () {}); // suggestions are a convenience: stay quiet on failure
    }

    input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(suggest, 150);
    });

    input.addEventListener("keydown", function (event) {
        var open = !list.hidden;
        if (event.key === "ArrowDown") {
            event.preventDefault();
            if (!open) suggest();
            else highlight(active + 1);
        } else if (event.key === "ArrowUp" && open) {
            event.preventDefault();
            highlight(active - 1);
        } else if (event.key === "Enter" && open && active >= 0) {
            event.preventDefault();
            window.location.href = options()[active].dataset.url;
        } else if (event.key === "Escape" && open) {
            event.preventDefault();
            close();
        }
    });

    input.addEventListener("blur", function () {
        setTimeout(close, 100);
    });

    // On a phone the filters start folded, so the results come first.
    var facets = document.querySelector("details.search-facets");
    if (facets && window.matchMedia("(max-width: 56rem)").matches) facets.open = false;

    // Filters and sort apply on change; the "Áp dụng" button remains for keyboard users.
    document.querySelectorAll("[form=catalogue-form]").forEach(function (field) {
        if (field.type === "checkbox" || field.type === "radio" || field.tagName === "SELECT") {
            field.addEventListener("change", function () {
                if (form.requestSubmit) form.requestSubmit();
                else form.submit();
            });
        }
    });

    // Leave empty fields out of the URL, so shared links stay short.
    form.addEventListener("submit", function () {
        document.querySelectorAll("[form=catalogue-form], #catalogue-form [name]").forEach(function (field) {
            if (field.name && field.value === "" && field.type !== "checkbox" && field.type !== "radio") {
                field.disabled = true;
            }
        });
    });
    window.addEventListener("pageshow", function () {
        document.querySelectorAll("[form=catalogue-form][disabled], #catalogue-form [disabled]").forEach(function (field) {
            field.disabled = false;
        });
    });
})();
