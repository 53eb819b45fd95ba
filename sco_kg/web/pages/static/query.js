// sco-kg query editor: SPARQL highlighting, running a query against /sparql, the results
// table and its downloads. Written here, no library: every value from the server goes into
// the page through textContent or an attribute, never as HTML.
(function () {
  "use strict";

  var KEYWORDS = ("SELECT CONSTRUCT DESCRIBE ASK WHERE FROM NAMED PREFIX BASE DISTINCT REDUCED " +
    "OPTIONAL FILTER UNION MINUS GRAPH SERVICE SILENT BIND VALUES AS GROUP BY HAVING ORDER ASC " +
    "DESC LIMIT OFFSET NOT EXISTS IN a COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR " +
    "STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN " +
    "UCASE LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY " +
    "HOURS MINUTES SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE " +
    "IF STRLANG STRDT SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE " +
    "TRUE FALSE INSERT DELETE DATA WITH USING LOAD CLEAR DROP CREATE ADD MOVE COPY ALL DEFAULT")
    .split(" ");
  var KW = {};
  KEYWORDS.forEach(function (k) { KW[k.toUpperCase()] = true; });
  KW.A = false; // "a" is a keyword only in lower case
  var TOKEN = new RegExp([
    "(#[^\\n]*)",                                   // 1 comment
    "(\"\"\"[\\s\\S]*?(?:\"\"\"|$)|'''[\\s\\S]*?(?:'''|$)|\"(?:[^\"\\\\\\n]|\\\\.)*\"?|'(?:[^'\\\\\\n]|\\\\.)*'?)", // 2 string
    "(<[^<>\"{}|^`\\\\\\s]*>)",                      // 3 IRI
    "([?$][A-Za-z0-9_\\u00C0-\\uFFFF]+)",            // 4 variable
    "([A-Za-z][\\w.-]*)?:([\\w.%-]*)",              // 5,6 prefixed name
    "([A-Za-z_][A-Za-z0-9_]*)",                      // 7 word
    "([+-]?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)"      // 8 number
  ].join("|"), "g");

  function escapeHtml(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  // SPARQL text -> HTML with spans; every piece of the text is escaped.
  function highlight(text) {
    var out = "", last = 0, m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) {
      if (m[0] === "") { TOKEN.lastIndex++; continue; }
      out += escapeHtml(text.slice(last, m.index));
      var cls = m[1] ? "cmt" : m[2] ? "str" : m[3] ? "iri" : m[4] ? "var"
        : (m[5] !== undefined || m[6] !== undefined) && m[0].indexOf(":") >= 0 ? "pn"
        : m[7] ? (m[7] === "a" || KW[m[7].toUpperCase()] ? "kw" : "")
        : m[8] ? "num" : "";
      out += cls ? '<span class="tok-' + cls + '">' + escapeHtml(m[0]) + "</span>" : escapeHtml(m[0]);
      last = m.index + m[0].length;
    }
    return out + escapeHtml(text.slice(last)) + "\n";
  }

  window.scoHighlight = highlight;
  var root = document.getElementById("query-app");
  if (!root) { return; }
  var base = root.getAttribute("data-base");
  var endpoint = root.getAttribute("data-endpoint");
  var ours = ["id/", "ontology", "shapes", "graph/"];
  var area = document.getElementById("query-text");
  var shadow = document.getElementById("query-highlight");
  var form = document.getElementById("query-form");
  var status = document.getElementById("results-status");
  var holder = document.getElementById("results");
  var downloads = document.getElementById("results-downloads");
  var current = null;

  root.querySelector(".editor").classList.remove("plain");
  // The textarea grows with its text, so it never scrolls and the highlighted copy
  // underneath always lines up with it.
  function sync() {
    shadow.innerHTML = highlight(area.value);
    area.style.height = "auto";
    area.style.height = Math.max(area.scrollHeight + 2, 256) + "px";
  }
  area.addEventListener("input", sync);
  area.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
  });
  sync();

  // Our IRIs open on this server; others open where they live.
  function hrefFor(iri) {
    if (base && iri.indexOf(base) === 0) {
      var rest = iri.slice(base.length);
      for (var i = 0; i < ours.length; i++) {
        if (rest.indexOf(ours[i]) === 0) { return "/" + rest; }
      }
    }
    return /^https?:\/\//.test(iri) ? iri : null;
  }

  function shortIri(iri) {
    var prefixes = JSON.parse(root.getAttribute("data-prefixes") || "{}");
    for (var p in prefixes) {
      if (iri.indexOf(prefixes[p]) === 0 && iri.length > prefixes[p].length) {
        return p + ":" + iri.slice(prefixes[p].length);
      }
    }
    return iri;
  }

  function cell(term) {
    var td = document.createElement("td");
    if (!term) { return td; }
    if (term.type === "uri") {
      var href = hrefFor(term.value);
      var node = document.createElement(href ? "a" : "span");
      if (href) { node.setAttribute("href", href); }
      node.textContent = shortIri(term.value);
      node.setAttribute("title", term.value);
      td.appendChild(node);
    } else if (term.type === "bnode") {
      td.textContent = "_:" + term.value;
    } else {
      td.textContent = term.value;
      if (term["xml:lang"]) { td.setAttribute("lang", term["xml:lang"]); }
      var dt = term.datatype || "";
      if (/#(integer|decimal|double|float|int|long|nonNegativeInteger|positiveInteger)$/.test(dt)) {
        td.className = "num";
      } else if (/#(date|dateTime|gYearMonth|gYear)$/.test(dt)) {
        td.className = "date";
      }
    }
    return td;
  }

  function showTable(json) {
    var vars = json.head.vars || [];
    var rows = json.results.bindings || [];
    var table = document.createElement("table");
    table.id = "results-table";
    var caption = document.createElement("caption");
    caption.className = "visually-hidden";
    caption.textContent = "Query results";
    table.appendChild(caption);
    var thead = table.createTHead().insertRow();
    vars.forEach(function (v) {
      var th = document.createElement("th");
      th.setAttribute("scope", "col");
      th.textContent = v;
      thead.appendChild(th);
    });
    var body = table.createTBody();
    rows.forEach(function (b) {
      var tr = body.insertRow();
      vars.forEach(function (v) { tr.appendChild(cell(b[v])); });
    });
    holder.replaceChildren(table);
    status.textContent = rows.length + (rows.length === 1 ? " row" : " rows");
  }

  function toDelimited(json, sep) {
    var vars = json.head.vars || [];
    function q(s) {
      if (sep === "," && /[",\n\r]/.test(s)) { return '"' + s.replace(/"/g, '""') + '"'; }
      return sep === "\t" ? s.replace(/[\t\n\r]/g, " ") : s;
    }
    var lines = [vars.map(q).join(sep)];
    (json.results.bindings || []).forEach(function (b) {
      lines.push(vars.map(function (v) { return b[v] ? q(b[v].value) : ""; }).join(sep));
    });
    return lines.join("\r\n") + "\r\n";
  }

  function offer(name, type, text) {
    var a = document.createElement("a");
    a.className = "button secondary";
    a.setAttribute("download", name);
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    a.textContent = "Download " + name.split(".").pop().toUpperCase();
    downloads.appendChild(a);
  }

  function showDownloads(json, text, type) {
    downloads.replaceChildren();
    if (json && json.results) {
      offer("results.csv", "text/csv", toDelimited(json, ","));
      offer("results.tsv", "text/tab-separated-values", toDelimited(json, "\t"));
      offer("results.json", "application/sparql-results+json", JSON.stringify(json, null, 2));
    } else if (text !== null) {
      offer("results." + (type.indexOf("turtle") >= 0 ? "ttl" : "txt"), type, text);
    }
    var link = document.createElement("a");
    link.href = "/query?query=" + encodeURIComponent(area.value);
    link.textContent = "Link to this query";
    downloads.appendChild(link);
  }

  function fail(message) {
    var p = document.createElement("p");
    p.className = "error";
    p.setAttribute("role", "alert");
    p.textContent = message;
    holder.replaceChildren(p);
    status.textContent = "Error";
    downloads.replaceChildren();
  }

  function run() {
    status.textContent = "Running\u2026";
    var body = new URLSearchParams();
    body.set("query", area.value);
    fetch(endpoint, {
      method: "POST",
      headers: { "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
      body: body
    }).then(function (response) {
      var type = (response.headers.get("content-type") || "").split(";")[0];
      return response.text().then(function (text) {
        if (!response.ok) {
          var message = response.status + " " + response.statusText;
          try { var p = JSON.parse(text); message = (p.title || message) + (p.detail ? ": " + p.detail : ""); } catch (e) { /* not JSON */ }
          fail(message);
          return;
        }
        if (type.indexOf("json") >= 0) {
          var json = JSON.parse(text);
          if (typeof json.boolean === "boolean") {
            var p2 = document.createElement("p");
            p2.textContent = "Answer: " + (json.boolean ? "yes" : "no");
            holder.replaceChildren(p2);
            status.textContent = "1 answer";
            current = json;
            showDownloads(null, text, "application/sparql-results+json");
            return;
          }
          current = json;
          showTable(json);
          showDownloads(json, null, type);
        } else {
          var pre = document.createElement("pre");
          pre.textContent = text;
          holder.replaceChildren(pre);
          status.textContent = "Triples";
          showDownloads(null, text, type);
        }
      });
    }).catch(function (e) { fail(String(e)); });
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  window.scoQuery = { highlight: highlight, run: run, results: function () { return current; } };
  if (root.getAttribute("data-autorun") === "true") { run(); }
})();
