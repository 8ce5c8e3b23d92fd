// Genrekit web page: uploads one file to /api/v1/classify and draws the answer. Plain JS, no
// libraries, so that it works offline.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const PALETTE = ["#3867d6", "#e67e22", "#20bf6b", "#eb3b5a", "#8854d0", "#0fb9b1", "#f7b731", "#a5b1c2", "#fa8231", "#4b6584",
                   "#26de81", "#fc5c65", "#45aaf2", "#fd9644", "#2bcbba", "#d1d8e0"];
  let colours = {};
  let busy = false;

  function colourFor(label, labels) {
    if (!(label in colours)) colours[label] = PALETTE[labels.indexOf(label) % PALETTE.length];
    return colours[label];
  }

  function authHeaders() {
    const t = $("token").value.trim();
    return t ? { "Authorization": "Bearer " + t } : {};
  }

  function status(text, isError) {
    $("status").textContent = text;
    $("status").className = isError ? "error" : "";
  }

  async function loadModels() {
    const res = await fetch("/api/v1/models", { headers: authHeaders() });
    if (res.status === 401) { $("token-row").hidden = false; status("This server needs an API token.", true); return; }
    if (!res.ok) { status("Could not list the models (" + res.status + ").", true); return; }
    const body = await res.json();
    const select = $("model");
    select.textContent = "";
    for (const m of body.models) {
      const o = document.createElement("option");
      o.value = m.name;
      o.textContent = m.name + " (" + m.labels.length + " genres)";
      select.appendChild(o);
    }
    const mb = Math.round(body.limits.maxUploadBytes / 1048576);
    $("limits").textContent = "Up to " + mb + " MB; " +
      (body.limits.wholeFile ? "the whole file is analysed." : "the first " + body.limits.maxSeconds + " s are analysed.");
  }

  async function classify(file) {
    if (busy) return;
    busy = true;
    status("Analysing " + file.name + " …");
    const form = new FormData();
    form.append("file", file, file.name);
    const params = new URLSearchParams({ windows: "true", spectrogram: "true" });
    if ($("model").value) params.set("model", $("model").value);
    try {
      const res = await fetch("/api/v1/classify?" + params, { method: "POST", body: form, headers: authHeaders() });
      const body = await res.json().catch(() => ({ error: "bad_response", detail: "the server answered " + res.status }));
      if (res.status === 401) $("token-row").hidden = false;
      if (!res.ok) { status(file.name + ": " + (body.detail || body.error), true); return; }
      render(body, file.name);
      status("");
    } catch (e) {
      status("Upload failed: " + e.message, true);
    } finally {
      busy = false;
      $("file").value = "";
    }
  }

  // r is one result as docs/result-schema.md describes it (snake_case), plus the server's audio and spectrogram.
  function render(r, name) {
    const labels = Object.keys(r.probabilities);
    colours = {};
    $("result").hidden = false;
    $("genre").textContent = r.genre;
    const t = r.timings;
    $("meta").textContent = name + " · " + r.windows.analysed_s.toFixed(1) + " s analysed in " + r.windows.count +
      (r.windows.count === 1 ? " window" : " windows") + " · model " + r.model.name + " " + r.model.version + " · " +
      Math.round(t.total_ms) + " ms (decode " + Math.round(t.decode_ms) + ", features " + Math.round(t.feature_ms) +
      ", model " + Math.round(t.predict_ms) + ")";

    const spec = $("spectrogram");
    spec.textContent = "";
    if (r.spectrogram) {
      const img = document.createElement("img");
      img.src = r.spectrogram;
      img.alt = "Log-mel spectrogram of " + name;
      spec.appendChild(img);
    } else {
      spec.textContent = "(this server does not draw spectrograms)";
    }

    const bars = $("bars");
    bars.textContent = "";
    const ranking = labels.slice().sort((a, b) => r.probabilities[b] - r.probabilities[a]);
    for (const label of ranking) {
      const p = r.probabilities[label];
      const row = document.createElement("div");
      row.className = "bar";
      row.dataset.genre = label;
      row.innerHTML = '<span class="name"></span><span class="track"><span class="fill"></span></span><span class="pct"></span>';
      row.querySelector(".name").textContent = label;
      const fill = row.querySelector(".fill");
      fill.style.width = (100 * p).toFixed(1) + "%";
      fill.style.background = colourFor(label, labels);
      row.querySelector(".pct").textContent = (100 * p).toFixed(1) + "%";
      bars.appendChild(row);
    }

    const timeline = $("timeline");
    const legend = $("legend");
    timeline.textContent = "";
    legend.textContent = "";
    const segs = r.windows.items || [];
    $("axis").hidden = segs.length === 0;
    if (segs.length === 0) {
      timeline.hidden = true;
      legend.textContent = "(no per-window answers)";
      return;
    }
    timeline.hidden = false;
    const start = segs[0].start_s, end = segs[segs.length - 1].end_s;
    const used = new Set();
    for (const s of segs) {
      const d = document.createElement("div");
      d.className = "seg";
      d.dataset.genre = s.genre;
      d.style.flex = String(Math.max(s.end_s - s.start_s, 0.001));
      d.style.background = colourFor(s.genre, labels);
      d.title = s.start_s.toFixed(1) + "–" + s.end_s.toFixed(1) + " s: " + s.genre + " (" + (100 * s.probabilities[s.genre]).toFixed(0) + "%)";
      timeline.appendChild(d);
      used.add(s.genre);
    }
    for (const g of used) {
      const e = document.createElement("span");
      e.style.setProperty("--c", colourFor(g, labels));
      e.textContent = g;
      legend.appendChild(e);
    }
    $("axis-start").textContent = start.toFixed(0) + " s";
    $("axis-end").textContent = end.toFixed(0) + " s";
  }

  const drop = $("drop");
  ["dragenter", "dragover"].forEach((ev) => drop.addEventListener(ev, (e) => { e.preventDefault(); drop.classList.add("over"); }));
  ["dragleave", "drop"].forEach((ev) => drop.addEventListener(ev, (e) => { e.preventDefault(); drop.classList.remove("over"); }));
  drop.addEventListener("drop", (e) => { if (e.dataTransfer.files.length) classify(e.dataTransfer.files[0]); });
  // Dropping outside the zone must not navigate away from the page.
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());
  $("file").addEventListener("change", (e) => { if (e.target.files.length) classify(e.target.files[0]); });
  $("token").addEventListener("change", loadModels);
  loadModels().catch((e) => status("Could not reach the server: " + e.message, true));
})();
