(function () {
  "use strict";
  // A very large round's data comes compressed (gzip, then base64): unpacked first.
  var source = document.getElementById("datos-matriz");
  if (source.hasAttribute("data-gzip")) {
    var binary = atob(source.textContent), bytes = new Uint8Array(binary.length);
    for (var b = 0; b < binary.length; b++) bytes[b] = binary.charCodeAt(b);
    new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")))
      .text().then(function (text) { start(JSON.parse(text)); });
  } else {
    start(JSON.parse(source.textContent));
  }

  function start(data) {
  var root = document.documentElement;
  root.classList.add("js");
  var L = data.lists, rows = data.rows, W = data.words, PAGE = data.page;
  var table = document.getElementById("matriz");
  var tbody = table.querySelector("tbody");
  var count = document.getElementById("cuenta");
  var search = document.getElementById("buscar");
  var pager = document.getElementById("paginas");
  var filters = {};
  ["informante", "grupo", "pilar", "estado", "marca"].forEach(function (key) {
    filters[key] = document.getElementById("f-" + key);
  });
  var sortKey = -1, sortDir = 1, page = 0, shown = [];

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var haystack = rows.map(function (r) {
    return fold([r[0], L.informante[r[1]], r[2], L.responsable[r[3]], L.fecha[r[4]],
                 L.estado[r[5]][1], r[6],
                 L.grupo[r[8]], L.pilar[r[9]], observed(r)].join(" "));
  });

  function observed(r) {  // the item's observed line: [kind, text, meaning], or ""
    return L.observado && r[10] >= 0 ? L.observado[r[10]][1] : "";
  }

  function cellValue(r, column) {
    if (column === 1) return L.informante[r[1]];
    if (column === 3) return L.responsable[r[3]];
    if (column === 4) return L.fecha[r[4]];
    if (column === 5) return L.estado[r[5]][1];
    if (column === 6) return r[6] === "" ? -1 : Number(r[6]);
    if (column === 7) return r[7];
    return r[column];
  }

  function matches(i) {
    var r = rows[i];
    var words = fold(search.value).split(/\s+/).filter(Boolean);
    for (var w = 0; w < words.length; w++) {
      if (haystack[i].indexOf(words[w]) < 0) return false;
    }
    if (filters.informante.value !== "" && r[1] !== Number(filters.informante.value)) return false;
    if (filters.grupo.value !== "" && r[8] !== Number(filters.grupo.value)) return false;
    if (filters.pilar.value !== "" && r[9] !== Number(filters.pilar.value)) return false;
    if (filters.estado.value !== "" && r[5] !== Number(filters.estado.value)) return false;
    if (filters.marca.value !== "" && !(r[7] & Number(filters.marca.value))) return false;
    return true;
  }

  function cell(text, kind) {
    var td = document.createElement("td");
    if (kind) td.className = kind;
    td.textContent = text;
    return td;
  }

  function row(r) {
    var tr = document.createElement("tr");
    tr.appendChild(cell(r[0], "nw"));
    tr.appendChild(cell(L.informante[r[1]], ""));
    tr.appendChild(cell(r[2], ""));
    tr.appendChild(cell(L.responsable[r[3]], ""));
    tr.appendChild(cell(L.fecha[r[4]], "nw"));
    var status = document.createElement("td");
    var chip = document.createElement("span");
    chip.className = "st st-" + L.estado[r[5]][0];
    chip.textContent = L.estado[r[5]][1];
    status.appendChild(chip);
    if (observed(r)) {
      var view = document.createElement("span");
      view.className = "obs obs-" + L.observado[r[10]][0];
      view.title = L.observado[r[10]][2];
      view.textContent = L.observado[r[10]][1];
      status.appendChild(document.createTextNode(" "));
      status.appendChild(view);
    }
    tr.appendChild(status);
    tr.appendChild(cell(r[6], "n nw"));
    var marks = document.createElement("td");
    L.marca.forEach(function (m) {
      if (r[7] & m[0]) {
        var flag = document.createElement("span");
        flag.className = "flag";
        flag.textContent = m[1];
        marks.appendChild(flag);
      }
    });
    tr.appendChild(marks);
    return tr;
  }

  function render() {
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    page = Math.min(page, pages - 1);
    var fragment = document.createDocumentFragment();
    shown.slice(page * PAGE, (page + 1) * PAGE).forEach(function (i) {
      fragment.appendChild(row(rows[i]));
    });
    tbody.replaceChildren(fragment);
    count.textContent = W.count.replace("{shown}", shown.length).replace("{total}", rows.length);
    pager.querySelector(".where").textContent =
      W.page.replace("{page}", page + 1).replace("{pages}", pages);
    pager.querySelector(".prev").disabled = page === 0;
    pager.querySelector(".next").disabled = page >= pages - 1;
  }

  function apply() {
    shown = [];
    for (var i = 0; i < rows.length; i++) if (matches(i)) shown.push(i);
    if (sortKey >= 0) {
      shown.sort(function (a, b) {
        var x = cellValue(rows[a], sortKey), y = cellValue(rows[b], sortKey);
        if (x === y) return a - b;
        if (typeof x === "number" && typeof y === "number") return (x - y) * sortDir;
        return String(x).localeCompare(String(y), root.lang) * sortDir;
      });
    }
    page = 0;
    render();
  }

  var timer = 0;
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(apply, 120);
  });
  Object.keys(filters).forEach(function (key) {
    filters[key].addEventListener("change", apply);
  });
  table.querySelectorAll("thead th").forEach(function (th, column) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      sortDir = sortKey === column ? -sortDir : 1;
      sortKey = column;
      table.querySelectorAll("thead th").forEach(function (other) {
        other.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
      apply();
    });
  });
  pager.querySelector(".prev").addEventListener("click", function () { page -= 1; render(); });
  pager.querySelector(".next").addEventListener("click", function () { page += 1; render(); });
  document.querySelectorAll("a[data-informante]").forEach(function (link) {
    link.addEventListener("click", function () {
      filters.informante.value = link.getAttribute("data-informante");
      search.value = "";
      apply();
    });
  });
  // Printed, the table holds every row the filters keep, not one page of them.
  window.addEventListener("beforeprint", function () {
    var fragment = document.createDocumentFragment();
    shown.forEach(function (i) { fragment.appendChild(row(rows[i])); });
    tbody.replaceChildren(fragment);
  });
  window.addEventListener("afterprint", render);
  apply();
  }
})();
