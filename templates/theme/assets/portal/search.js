/*
 * Portal search (issue 7): exact Chinese full-text search over the static index
 * written by generator/search (see generator/search/shards.py for the files).
 *
 * - Index files are scripts calling window.__portalSearch.*, loaded with
 *   <script> elements, so the same code runs from file:// and over HTTP.
 * - A query loads meta.js once, the posting shards of its bigrams, and the doc
 *   chunks of its top candidates; every shown result is verified by exact
 *   substring on the normalised title and text (the bigram intersection is a
 *   superset). Counts are exact once every candidate is verified, else "约".
 * - Links: site root = this script's URL minus "assets/portal/search.js";
 *   pages are "<root><url>", plus "index.html" when directory URLs are off
 *   (data-directory-urls="false", as under the offline plugin) or the page is
 *   opened from file://.
 * - Document text is only ever inserted with textContent / text nodes.
 */
(function () {
  "use strict";

  /* ---------------- normalisation (mirror of generator/search/normalize.py) ---------------- */

  var FOLD = new Map();
  (function () {
    var c, i;
    FOLD.set("\u3000", " ");
    FOLD.set("\u00a0", " ");
    for (c = 0xff01; c <= 0xff5e; c++) FOLD.set(String.fromCharCode(c), String.fromCharCode(c - 0xfee0).toLowerCase());
    var groups = [["〔【[［", "〔"], ["〕】]］", "〕"], ["‐‑‒–—―－", "-"],
                  ["“”„＂\"‘’＇'「」『』《》〈〉﹁﹂﹃﹄", ""]];  /* quotes and book-title marks: removed */
    for (i = 0; i < groups.length; i++) {
      for (c = 0; c < groups[i][0].length; c++) FOLD.set(groups[i][0][c], groups[i][1]);
    }
    for (c = 65; c <= 90; c++) FOLD.set(String.fromCharCode(c), String.fromCharCode(c + 32));
    "\u200b\u200c\u200d\u2060\ufeff\u00ad".split("").forEach(function (z) { FOLD.set(z, ""); });
  })();
  var WS = /^[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;
  var WS_RUNS = /[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
  var ALNUM = /^[a-z0-9]$/;

  function fold(ch) {
    var f = FOLD.get(ch);
    return f === undefined ? ch : f;
  }

  /* Normalised text and, per UTF-16 unit of it, the index in the original text. */
  function normalizeMapped(text) {
    var out = [], map = [], pending = -1, prevAlnum = false;
    for (var i = 0; i < text.length; ) {
      var cp = text.codePointAt(i), ch = String.fromCodePoint(cp), f = fold(ch);
      if (f === "") { i += ch.length; continue; }
      if (WS.test(f)) { if (pending < 0) pending = i; i += ch.length; continue; }
      var alnum = ALNUM.test(f);
      if (pending >= 0) {
        if (prevAlnum && alnum) { out.push(" "); map.push(pending); }
        pending = -1;
      }
      out.push(f);
      for (var u = 0; u < f.length; u++) map.push(i + u);
      prevAlnum = alnum;
      i += ch.length;
    }
    return { s: out.join(""), map: map };
  }

  function normalize(text) { return normalizeMapped(text).s; }

  function queryWords(query) {
    var words = [];
    String(query || "").split("").map(fold).join("").split(WS_RUNS).forEach(function (raw) {
      var w = normalize(raw);
      if (w && words.indexOf(w) < 0) words.push(w);
    });
    return words.filter(function (w) {
      return !words.some(function (o) { return o !== w && o.indexOf(w) >= 0; });
    });
  }

  /* Words of a phrase by longest match against the corpus's words (words.js): 书记抓党建述职评议 →
     书记 党建 述职评议. Runs of two or more unknown characters stay a word; single ones are dropped. */
  function segment(word, vocab, maxLen) {
    var cps = Array.from(word), out = [], unknown = "", i = 0;
    var flush = function () { if (Array.from(unknown).length >= 2) out.push(unknown); unknown = ""; };
    while (i < cps.length) {
      var n = Math.min(maxLen, cps.length - i);
      for (; n >= 2; n--) if (vocab.has(cps.slice(i, i + n).join(""))) break;
      if (n >= 2) { flush(); out.push(cps.slice(i, i + n).join("")); i += n; }
      else { unknown += cps[i]; i += 1; }
    }
    flush();
    return out.filter(function (w, k) { return out.indexOf(w) === k; });
  }

  function relaxedWords(query, words) {
    var vocab = words.set || (words.set = new Set(words.words)), out = [];
    queryWords(query).forEach(function (w) {
      segment(w, vocab, Math.max(2, words.max)).forEach(function (p) { if (out.indexOf(p) < 0) out.push(p); });
    });
    return out;
  }

  /* The corpus's words nearest to a query: most shared bigrams, then shortest. */
  function nearestWords(query, words, count) {
    var grams = new Set(), q = queryWords(query).join("");
    Array.from(q).forEach(function (c, i, a) { if (i + 1 < a.length) grams.add(c + a[i + 1]); });
    var scored = [];
    words.words.forEach(function (w) {
      var a = Array.from(w), shared = 0;
      for (var i = 0; i + 1 < a.length; i++) if (grams.has(a[i] + a[i + 1])) shared++;
      if (shared && w !== q) scored.push([shared / (a.length - 1 + grams.size), w]);
    });
    scored.sort(function (x, y) { return y[0] - x[0] || x[1].length - y[1].length || (x[1] < y[1] ? -1 : 1); });
    return scored.slice(0, count).map(function (x) { return x[1]; });
  }

  var MAX_KEYS_PER_WORD = 6;
  function wordKeys(word) {
    var cps = Array.from(word);
    if (cps.length === 1) return [word];
    var grams = [];
    for (var i = 0; i + 1 < cps.length; i++) grams.push(cps[i] + cps[i + 1]);
    if (grams.length > MAX_KEYS_PER_WORD) {
      var step = (grams.length - 1) / (MAX_KEYS_PER_WORD - 1), pick = [];
      for (var j = 0; j < MAX_KEYS_PER_WORD; j++) pick.push(grams[Math.floor(j * step + 0.5)]);
      grams = pick;
    }
    return grams.filter(function (g, k) { return grams.indexOf(g) === k; });
  }

  /* ---------------- codec (mirror of generator/search/encode.py) ---------------- */

  function fnv1a(s, seed) {
    var h = seed === undefined ? 0x811c9dc5 : seed;
    for (var i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 16777619);
    }
    return h >>> 0;
  }
  function hex8(n) { return ("0000000" + n.toString(16)).slice(-8); }
  function equalKey(title) { return "  " + hex8(fnv1a(title)) + hex8(fnv1a(title, 0x9747b28c)); }
  function shardKey(key) { return key.indexOf("  ") === 0 ? key : key.replace(/^ +/, ""); }

  function varints(bin, pos, count) {
    var out = [];
    while (out.length < count) {
      var v = 0, mul = 1, b;
      do { b = bin.charCodeAt(pos++); v += (b & 127) * mul; mul *= 128; } while (b >= 128);
      out.push(v);
    }
    out.push(pos);
    return out;
  }

  function decodeList(b64) {
    var bin = atob(b64), n = bin.length, out = [], pos = 1;
    if (!n) return new Int32Array(0);
    if (bin.charCodeAt(0) === 0) {
      var prev = -1;
      while (pos < n) {
        var v = 0, mul = 1, b;
        do { b = bin.charCodeAt(pos++); v += (b & 127) * mul; mul *= 128; } while (b >= 128);
        prev += v + 1;
        out.push(prev);
      }
    } else {
      var h = varints(bin, 1, 2), first = h[0], span = h[1];
      pos = h[2];
      for (var byte = 0; byte * 8 < span; byte++) {
        var bits = bin.charCodeAt(pos + byte);
        if (!bits) continue;
        for (var k = 0; k < 8; k++) if (bits & (1 << k)) out.push(first + byte * 8 + k);
      }
    }
    return Int32Array.from(out);
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; }
      else if (a[i] < b[j]) i++;
      else j++;
    }
    return Int32Array.from(out);
  }

  /* ---------------- loading index scripts ---------------- */

  var registry = { waiting: new Map() };
  function settle(name, version, data) {
    var w = registry.waiting.get(name);
    if (w) { registry.waiting.delete(name); w.resolve({ version: version, data: data }); }
  }
  window.__portalSearch = {
    m: function (meta) { settle("meta", meta.version, meta); },
    f: function (v, data) { settle("facets", v, data); },
    i: function (n, v, data) { settle("i/" + n, v, data); },
    d: function (n, v, data) { settle("d/" + n, v, data); },
    w: function (v, data) { settle("words", v, data); }
  };

  function loadScript(name, url) {
    return new Promise(function (resolve, reject) {
      registry.waiting.set(name, { resolve: resolve });
      var s = document.createElement("script");
      s.async = true;
      s.src = url;
      s.onload = function () {
        s.remove();
        if (registry.waiting.has(name)) { registry.waiting.delete(name); reject(new Error("index file did not register: " + name)); }
      };
      s.onerror = function () {
        s.remove();
        registry.waiting.delete(name);
        reject(new Error("index file failed to load: " + name));
      };
      document.head.appendChild(s);
    });
  }

  function StaleIndex() { this.stale = true; }

  function Index(dataUrl) {
    this.url = dataUrl;
    this.files = new Map();
    this.metaPromise = null;
  }
  Index.prototype.meta = function (bust) {
    var self = this;
    if (!this.metaPromise || bust) {
      this.files = new Map();
      this.metaPromise = loadScript("meta", this.url + "meta.js" + (bust ? "?t=" + Date.now() : "")).then(function (r) {
        return self.prepareMeta(r.data);
      });
      this.metaPromise.catch(function () { self.metaPromise = null; });
    }
    return this.metaPromise;
  };
  Index.prototype.prepareMeta = function (m) {
    var bin = atob(m.runs), pairs = varints(bin, 0, 0), pos = 0, doc = 0;
    var profileOf = new Uint16Array(m.docs);
    while (pos < bin.length) {
      var r = varints(bin, pos, 2);
      profileOf.fill(r[1], doc, doc + r[0]);
      doc += r[0];
      pos = r[2];
    }
    void pairs;
    var chunkOf = new Int32Array(m.docs), posOf = new Uint8Array(m.docs), chunk = 0;
    for (var s = 0; s < m.chunks.length; s++) {
      var first = m.chunks[s][0], per = m.chunks[s][1];
      var end = s + 1 < m.chunks.length ? m.chunks[s + 1][0] : m.docs;
      for (var start = first; start < end; start += per, chunk++) {
        for (var d = start; d < Math.min(start + per, end); d++) { chunkOf[d] = chunk; posOf[d] = d - start; }
      }
    }
    m.profileOf = profileOf;
    m.chunkOf = chunkOf;
    m.posOf = posOf;
    m.emptySet = new Set(m.empty);
    return m;
  };
  Index.prototype.file = function (meta, name) {
    var self = this;
    if (!this.files.has(name)) {
      var p = loadScript(name, this.url + name + ".js?v=" + meta.version).then(function (r) {
        if (r.version !== meta.version) throw new StaleIndex();
        return r.data;
      });
      p.catch(function () { self.files.delete(name); });
      this.files.set(name, p);
    }
    return this.files.get(name);
  };
  Index.prototype.shard = function (meta, n) {
    return meta.emptySet.has(n) ? Promise.resolve({}) : this.file(meta, "i/" + n);
  };
  Index.prototype.postings = function (meta, keys) {
    var self = this, byShard = new Map();
    keys.forEach(function (k) { byShard.set(k, fnv1a(shardKey(k)) % meta.shards); });
    var shards = Array.from(new Set(byShard.values()));
    return Promise.all(shards.map(function (n) { return self.shard(meta, n); })).then(function (loaded) {
      var lists = new Map();
      keys.forEach(function (k) {
        var data = loaded[shards.indexOf(byShard.get(k))];
        lists.set(k, data[k] ? decodeList(data[k]) : new Int32Array(0));
      });
      return lists;
    });
  };
  Index.prototype.facets = function (meta) {
    var self = this;
    if (!meta.topicSets) {
      meta.topicSets = this.file(meta, "facets").then(function (data) {
        return meta.topics.map(function (_, t) {
          var set = new Uint8Array(meta.docs), v = data.topics[String(t)];
          if (v) decodeList(v).forEach(function (d) { set[d] = 1; });
          return set;
        });
      });
      meta.topicSets.catch(function () { meta.topicSets = null; void self; });
    }
    return meta.topicSets;
  };

  /* ---------------- one search ---------------- */

  var TF_CAP = 9, FULL_CHUNKS = 16;

  /* filters: {level: key, year: "2018", topic: id}; opts.facets: load topic lists for counts. */
  function Search(index, query, filters, opts) {
    this.index = index;
    this.query = query;
    this.filters = filters || {};
    this.opts = opts || {};
    this.words = queryWords(query);
    this.results = [];
    this.ready = [];
    this.tiers = [];
    this.tierIx = 0;
    this.tierPos = 0;
    this.rankExact = true;
    this.state = null; // Int8Array: 0 unverified, 1 match, -1 no match
    this.docs = new Map(); // doc → record info
  }

  Search.prototype.start = function () {
    var self = this;
    return this.index.meta().then(function (meta) {
      return self.prepare(meta).catch(function (e) {
        if (!(e instanceof StaleIndex)) throw e;
        return self.index.meta(true).then(function (fresh) { return self.prepare(fresh); });
      });
    });
  };

  Search.prototype.prepare = function (meta) {
    var self = this;
    this.meta = meta;
    if (!this.words.length) return Promise.resolve(this);
    var perWord = this.words.map(wordKeys);
    var titleKeys = this.words.map(function (w, i) { return w.length > 1 ? perWord[i].map(function (k) { return " " + k; }) : []; });
    var eq = equalKey(normalize(this.query));
    var keys = [].concat.apply([eq], perWord.concat(titleKeys));
    var need = [this.index.postings(meta, keys)];
    this.topicSets = null;
    if (this.opts.facets || this.filters.topic) {
      /* topic lists: awaited only when a topic filters the results, else they arrive later (facetsReady) */
      this.facetsReady = this.index.facets(meta).then(function (sets) { self.topicSets = sets; return sets; });
      if (this.filters.topic) need.push(this.facetsReady);
    }
    return Promise.all(need).then(function (got) {
      var lists = got[0];
      var cand = null;
      perWord.forEach(function (ks) {
        ks.map(function (k) { return lists.get(k); }).sort(function (a, b) { return a.length - b.length; }).forEach(function (l) {
          cand = cand === null ? l : intersect(cand, l);
        });
      });
      self.candidates = cand || new Int32Array(0);
      self.exactCandidates = self.words.every(function (w) { return Array.from(w).length <= 2; });
      self.state = new Int8Array(meta.docs);
      var eqSet = new Set(lists.get(eq));
      var inTitle = new Uint8Array(meta.docs);
      titleKeys.forEach(function (ks) {
        if (!ks.length) return;
        var docs = null;
        ks.forEach(function (k) { docs = docs === null ? lists.get(k) : intersect(docs, lists.get(k)); });
        docs.forEach(function (d) { inTitle[d]++; });
      });
      self.equal = eqSet;
      self.order = self.rankCandidates(Array.from(self.candidates).filter(function (d) { return self.passes(d, null); }), eqSet, inTitle);
      return self;
    });
  };

  Search.prototype.topicIndex = function (id) {
    for (var i = 0; i < this.meta.topics.length; i++) if (this.meta.topics[i][0] === id) return i;
    return -1;
  };
  Search.prototype.levelIndex = function (key) {
    for (var i = 0; i < this.meta.levels.length; i++) if (this.meta.levels[i][0] === key) return i;
    return -2;
  };
  Search.prototype.yearIndex = function (y) { return this.meta.years.indexOf(parseInt(y, 10)); };

  /* Does doc pass the filters, ignoring the facet named skip? */
  Search.prototype.passes = function (d, skip) {
    var f = this.filters, p = this.meta.profiles[this.meta.profileOf[d]];
    if (f.level && skip !== "level" && p[1] !== this.levelIndex(f.level)) return false;
    if (f.year && skip !== "year" && p[2].indexOf(this.yearIndex(f.year)) < 0) return false;
    if (f.topic && skip !== "topic") {
      var t = this.topicIndex(f.topic);
      if (t < 0 || !this.topicSets || !this.topicSets[t][d]) return false;
    }
    return true;
  };

  /* Candidates grouped in tiers (title equals query, then kind: both exact from the index), each
     tier in estimated order (words in title, from title bigrams, descending; doc number). */
  Search.prototype.rankCandidates = function (docs, eqSet, inTitle) {
    var meta = this.meta, tiers = [[], [], [], [], [], []];
    docs.forEach(function (d) { tiers[(eqSet.has(d) ? 0 : 3) + meta.profiles[meta.profileOf[d]][0]].push(d); });
    tiers = tiers.filter(function (t) { return t.length; });
    tiers.forEach(function (t) { t.sort(function (a, b) { return inTitle[b] - inTitle[a] || a - b; }); });
    this.tiers = tiers;
    return [].concat.apply([], tiers);
  };

  Search.prototype.chunk = function (c) { return this.index.file(this.meta, "d/" + c); };

  /* Verify every unverified candidate in the loaded chunk c. */
  Search.prototype.verifyChunk = function (c, records, only) {
    var self = this, meta = this.meta;
    (only || this.order).forEach(function (d) {
      if (meta.chunkOf[d] !== c || self.state[d] !== 0) return;
      var rec = records[meta.posOf[d]];
      var title = normalize(rec[1]), text = normalizeMapped(rec[3]);
      var ok = self.words.every(function (w) { return title.indexOf(w) >= 0 || text.s.indexOf(w) >= 0; });
      self.state[d] = ok ? 1 : -1;
      if (ok) self.docs.set(d, { rec: rec, title: title, text: text });
    });
  };

  Search.prototype.exactKey = function (d) {
    var info = this.docs.get(d), words = this.words, inTitle = 0, tf = 0, first = 0;
    words.forEach(function (w) {
      if (info.title.indexOf(w) >= 0) inTitle++;
      var s = info.text.s, n = 0, at = s.indexOf(w);
      first += at < 0 ? s.length : at;
      while (at >= 0 && n < TF_CAP) { n++; at = s.indexOf(w, at + w.length); }
      tf += n;
    });
    return [this.equal.has(d) ? 0 : 1, this.meta.profiles[this.meta.profileOf[d]][0], -inTitle, -tf, first, d];
  };

  function compareKeys(a, b) {
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
    return 0;
  }

  Search.prototype.hit = function (d) {
    var info = this.docs.get(d);
    return { doc: d, rec: info.rec, title: info.title, text: info.text, key: this.exactKey(d) };
  };

  Search.prototype.hasMore = function () {
    return this.ready.length > 0 || this.tierIx < this.tiers.length;
  };

  Search.prototype.verifyDocs = function (docs) {
    var self = this, chunks = new Set();
    docs.forEach(function (d) { if (self.state[d] === 0) chunks.add(self.meta.chunkOf[d]); });
    return Promise.all(Array.from(chunks).map(function (c) {
      return self.chunk(c).then(function (records) { self.verifyChunk(c, records); });
    }));
  };

  Search.prototype.sortedHits = function (docs) {
    var self = this;
    return docs.filter(function (d) { return self.state[d] === 1; }).map(function (d) { return self.hit(d); })
      .sort(function (a, b) { return compareKeys(a.key, b.key); });
  };

  /* Next k verified results (fewer when exhausted), each {doc, rec, title, text, key}.
     Tier by tier: a tier whose unverified candidates lie in at most FULL_CHUNKS chunks not yet
     loaded is verified whole and ranked exactly (as generator/search/query.py does); a larger
     tier is verified in estimated order, batch by batch, each batch sorted by the exact key. */
  Search.prototype.more = function (k) {
    var self = this;
    var step = function () {
      if (self.ready.length >= k || self.tierIx >= self.tiers.length) {
        var hits = self.ready.splice(0, k);
        self.results = self.results.concat(hits);
        return Promise.resolve(hits);
      }
      var tier = self.tiers[self.tierIx];
      if (self.tierPos === 0) {
        var missing = new Set();
        tier.forEach(function (d) {
          var c = self.meta.chunkOf[d];
          if (self.state[d] === 0 && !self.index.files.has("d/" + c)) missing.add(c);
        });
        if (missing.size <= (self.opts.fullChunks || FULL_CHUNKS)) {
          return self.verifyDocs(tier).then(function () {
            self.ready = self.ready.concat(self.sortedHits(tier));
            self.tierIx++;
            return step();
          });
        }
        self.rankExact = false;
      }
      var batch = [], found = 0, chunks = new Set(), need = k - self.ready.length;
      while (self.tierPos < tier.length && (found < need || chunks.size === 0)) {
        var d = tier[self.tierPos];
        if (self.state[d] === 0) {
          var c = self.meta.chunkOf[d];
          if (!chunks.has(c) && chunks.size >= Math.max(4, need)) break;
          chunks.add(c);
          found++;  // optimistic: a candidate usually matches
        } else if (self.state[d] === 1) found++;
        batch.push(d);
        self.tierPos++;
      }
      return self.verifyDocs(batch).then(function () {
        self.ready = self.ready.concat(self.sortedHits(batch));
        if (self.tierPos >= tier.length) { self.tierIx++; self.tierPos = 0; }
        return step();
      });
    };
    return step();
  };

  /* Verify more candidates without showing them (densest chunks first), to make counts exact. */
  Search.prototype.settle = function (maxChunks) {
    var self = this, per = new Map();
    this.candidates.forEach(function (d) {
      if (self.state[d] !== 0) return;
      var c = self.meta.chunkOf[d];
      per.set(c, (per.get(c) || 0) + 1);
    });
    var chunks = Array.from(per.keys()).sort(function (a, b) { return per.get(b) - per.get(a) || a - b; }).slice(0, maxChunks);
    return Promise.all(chunks.map(function (c) {
      return self.chunk(c).then(function (records) { self.verifyChunk(c, records, self.candidates); });
    })).then(function () { return chunks.length; });
  };

  /* {count, exact}: matching docs under the filters (an estimate until all are verified). */
  Search.prototype.total = function () { return this.countOf(null, null); };

  Search.prototype.countOf = function (skip, test) {
    var self = this, yes = 0, unknown = 0, no = 0;
    var docs = this.candidates || [];
    for (var i = 0; i < docs.length; i++) {
      var d = docs[i];
      if (!this.passes(d, skip) || (test && !test(d))) continue;
      var s = this.state[d];
      if (s === 1) yes++;
      else if (s === 0) unknown++;
      else no++;
    }
    var exact = unknown === 0 || this.exactCandidates;
    if (this.exactCandidates) { yes += unknown; unknown = 0; }
    var precision = yes + no ? yes / (yes + no) : 1;
    void self;
    return { count: exact ? yes : yes + Math.round(unknown * precision), exact: exact };
  };

  /* Facet values with counts: {level: [[key, label, count]], year: [...], topic: [...], exact}. */
  Search.prototype.facetCounts = function () {
    var self = this, meta = this.meta, out = { level: [], year: [], topic: [], exact: this.total().exact };
    var profileOf = meta.profileOf, profiles = meta.profiles;
    meta.levels.forEach(function (lv, i) {
      var c = self.countOf("level", function (d) { return profiles[profileOf[d]][1] === i; });
      if (c.count || self.filters.level === lv[0]) out.level.push([lv[0], lv[1], c.count]);
    });
    meta.years.forEach(function (y, i) {
      var c = self.countOf("year", function (d) { return profiles[profileOf[d]][2].indexOf(i) >= 0; });
      if (c.count || self.filters.year === String(y)) out.year.push([String(y), y + "年", c.count]);
    });
    if (this.topicSets) {
      meta.topics.forEach(function (t, i) {
        var set = self.topicSets[i];
        var c = self.countOf("topic", function (d) { return set[d] === 1; });
        if (c.count || self.filters.topic === t[0]) out.topic.push([t[0], t[1], c.count]);
      });
      out.topic.sort(function (a, b) { return b[2] - a[2]; });
    }
    return out;
  };

  /* ---------------- rendering (text only, never innerHTML of document text) ---------------- */

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /* Append original[from:to] to parent with every occurrence of words (normalised) in <mark>. */
  function appendMarked(parent, mapped, original, from, to, words) {
    var s = mapped.s, map = mapped.map, ranges = [];
    words.forEach(function (w) {
      for (var at = s.indexOf(w); at >= 0; at = s.indexOf(w, at + w.length)) {
        var a = map[at], b = map[at + w.length - 1] + 1;
        if (a >= from && b <= to) ranges.push([a, b]);
      }
    });
    ranges.sort(function (x, y) { return x[0] - y[0] || y[1] - x[1]; });
    var pos = from;
    ranges.forEach(function (r) {
      if (r[0] < pos) { if (r[1] > pos) { parent.lastChild.textContent += original.slice(pos, r[1]); pos = r[1]; } return; }
      if (r[0] > pos) parent.appendChild(document.createTextNode(original.slice(pos, r[0])));
      parent.appendChild(el("mark", null, original.slice(r[0], r[1])));
      pos = r[1];
    });
    if (pos < to) parent.appendChild(document.createTextNode(original.slice(pos, to)));
  }

  var SNIPPET = 110, BEFORE = 24;
  function snippet(parent, hit, words) {
    var text = hit.text, s = text.s, original = hit.rec[3], at = -1;
    words.forEach(function (w) {
      var i = s.indexOf(w);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    });
    if (!s.length) return;
    var startN = Math.max(0, at - BEFORE), endN = Math.min(s.length, startN + SNIPPET);
    var from = text.map[startN], to = endN >= s.length ? original.length : text.map[endN];
    if (startN > 0) parent.appendChild(document.createTextNode("…"));
    appendMarked(parent, text, original, from, to, words);
    if (endN < s.length) parent.appendChild(document.createTextNode("…"));
  }

  function Site(script) {
    var src = script && script.src ? script.src : "";
    var root = src ? src.replace(/assets\/portal\/search\.js(?:[?#].*)?$/, "") : new URL(".", document.baseURI).href;
    var host = document.querySelector("[data-portal-search]");
    var dirs = host ? host.getAttribute("data-directory-urls") !== "false" : true;
    this.root = root;
    this.indexHtml = !dirs || location.protocol === "file:";
    this.index = new Index(root + "searchdata/");
  }
  Site.prototype.href = function (url) {
    url = String(url || "");
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return "#";
    if (this.indexHtml && (url === "" || url.slice(-1) === "/")) url += "index.html";
    return this.root + url.replace(/^\//, "");
  };
  Site.prototype.searchHref = function (q, filters) {
    var p = new URLSearchParams();
    if (q) p.set("q", q);
    ["level", "year", "topic"].forEach(function (k) { if (filters && filters[k]) p.set(k, filters[k]); });
    var qs = p.toString();
    return this.href("search/") + (qs ? "?" + qs : "");
  };

  function renderHit(site, search, hit, cls) {
    var meta = search.meta, li = el("li", "md-search-result__item portal-hit" + (cls ? " " + cls : ""));
    var a = el("a", "md-search-result__link portal-hit__link");
    a.href = site.href(hit.rec[0]);
    a.setAttribute("data-doc", String(hit.doc));
    var art = el("article", "md-search-result__article portal-hit__article");
    var h = el("div", "portal-hit__title");
    var mt = normalizeMapped(hit.rec[1]);
    appendMarked(h, mt, hit.rec[1], 0, hit.rec[1].length, search.words);
    art.appendChild(h);
    var p = meta.profiles[meta.profileOf[hit.doc]], bits = [];
    if (hit.rec[2]) bits.push(hit.rec[2]);
    if (p[1] >= 0) bits.push(meta.levels[p[1]][1]);
    if (bits.length) art.appendChild(el("div", "portal-hit__meta", bits.join(" · ")));
    var sn = el("p", "portal-hit__snippet");
    snippet(sn, hit, search.words);
    art.appendChild(sn);
    a.appendChild(art);
    li.appendChild(a);
    return li;
  }

  function countText(t) { return (t.exact ? "共 " : "约 ") + t.count + " 条结果"; }

  /* ---------------- header box: instant results ---------------- */

  var DROPDOWN = 8, DEBOUNCE = 100, HEADER_SETTLE_CHUNKS = 8, HEADER_FULL_CHUNKS = 10;

  function Header(site, root) {
    this.site = site;
    this.root = root;
    this.input = root.querySelector(".portal-search__input");
    this.meta = root.querySelector(".md-search-result__meta");
    this.list = root.querySelector(".md-search-result__list");
    this.toggle = document.getElementById("__search");
    this.seq = 0;
    this.timer = 0;
    this.bind();
  }
  Header.prototype.open = function (on) {
    if (this.toggle && this.toggle.checked !== on) {
      this.toggle.checked = on;
      this.toggle.dispatchEvent(new Event("change"));
    }
  };
  Header.prototype.bind = function () {
    var self = this, form = this.root.querySelector("form");
    /* meta.js is needed by every query: fetch it as soon as the reader heads for the box */
    var warm = function () { self.site.index.meta().catch(function () {}); };
    this.input.addEventListener("focus", function () { self.open(true); warm(); });
    this.input.addEventListener("pointerenter", warm);
    /* Run at once after a pause in typing, else debounce; ignore IME composition (pinyin). */
    var schedule = function () {
      clearTimeout(self.timer);
      var now = Date.now(), idle = now - (self.lastInput || 0) > DEBOUNCE * 3;
      self.lastInput = now;
      if (idle) self.run();
      else self.timer = setTimeout(function () { self.run(); }, DEBOUNCE);
    };
    this.input.addEventListener("input", function (ev) { if (!ev.isComposing) schedule(); });
    this.input.addEventListener("compositionend", schedule);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var q = self.input.value.trim();
      if (q) location.href = self.site.searchHref(q);
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { self.run(); self.input.focus(); }, 0);
    });
    this.input.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { self.open(false); self.input.blur(); }
      if (ev.key === "ArrowDown") { ev.preventDefault(); self.focusLink(0); }
    });
    this.list.addEventListener("keydown", function (ev) {
      var links = Array.prototype.slice.call(self.list.querySelectorAll("a"));
      var i = links.indexOf(document.activeElement);
      if (ev.key === "ArrowDown") { ev.preventDefault(); self.focusLink(i + 1); }
      if (ev.key === "ArrowUp") { ev.preventDefault(); if (i <= 0) self.input.focus(); else self.focusLink(i - 1); }
      if (ev.key === "Escape") { self.open(false); }
    });
    if (this.toggle) {
      this.toggle.addEventListener("change", function () {
        if (self.toggle.checked && document.activeElement !== self.input) self.input.focus();
      });
    }
    document.addEventListener("keydown", function (ev) {
      var t = ev.target;
      if (ev.ctrlKey || ev.metaKey || ev.altKey || (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) return;
      if (ev.key === "/" || ev.key === "s" || ev.key === "f") { ev.preventDefault(); self.open(true); self.input.focus(); }
    });
  };
  Header.prototype.focusLink = function (i) {
    var links = this.list.querySelectorAll("a");
    if (links.length) links[Math.max(0, Math.min(i, links.length - 1))].focus();
  };
  Header.prototype.message = function (text) {
    this.meta.textContent = text;
  };
  Header.prototype.run = function () {
    var self = this, q = this.input.value, seq = ++this.seq;
    this.lastQuery = q;
    if (!queryWords(q).length) {
      this.list.textContent = "";
      this.message("输入关键词开始搜索");
      this.done(seq, true);
      return Promise.resolve();
    }
    this.message("正在搜索…");
    var search = new Search(this.site.index, q, {}, { fullChunks: HEADER_FULL_CHUNKS });
    return search.start().then(function () { return search.more(DROPDOWN); }).then(function (hits) {
      if (seq !== self.seq) return;
      self.list.textContent = "";
      var total = search.total();
      self.search = search;
      if (!hits.length) {
        self.message("未找到与“" + q.trim() + "”完全一致的结果");
        var more = el("li", "md-search-result__item portal-search__all");
        var link = el("a", "md-search-result__link portal-search__all-link", "在搜索页按词语查找");
        link.href = self.site.searchHref(q);
        more.appendChild(link);
        self.list.appendChild(more);
        self.done(seq, true);
        return;
      }
      self.message(countText(total));
      hits.forEach(function (h) { self.list.appendChild(renderHit(self.site, search, h)); });
      var li = el("li", "md-search-result__item portal-search__all");
      var a = el("a", "md-search-result__link portal-search__all-link", "查看全部结果");
      a.href = self.site.searchHref(q);
      li.appendChild(a);
      self.list.appendChild(li);
      self.done(seq, total.exact);
      if (!total.exact) {
        return search.settle(HEADER_SETTLE_CHUNKS).then(function () {
          if (seq !== self.seq) return;
          self.message(countText(search.total()));
          self.done(seq, true);
        });
      }
    }).catch(function (e) {
      if (seq !== self.seq) return;
      self.message("搜索索引加载失败，请稍后重试");
      self.done(seq, true);
      if (window.console) console.error(e);
    });
  };
  /* For tests and tools: data-portal-done = number of the last query shown, data-portal-settled = counts final. */
  Header.prototype.done = function (seq, settled) {
    if (this.root.getAttribute("data-portal-done") !== String(seq)) {
      this.root.portalDoneAt = performance.now();
      this.root.setAttribute("data-portal-done", String(seq));
    }
    if (settled) this.root.setAttribute("data-portal-settled", String(seq));
  };

  /* ---------------- full search page ---------------- */

  var PAGE = 20, SETTLE_CHUNKS = 128;

  function Page(site, root) {
    this.site = site;
    this.root = root;
    this.form = root.querySelector("form");
    this.input = root.querySelector(".portal-search-page__input");
    this.status = root.querySelector(".portal-search-page__status");
    this.list = root.querySelector(".portal-search-page__results");
    this.moreButton = root.querySelector(".portal-search-page__more");
    this.clear = root.querySelector("[data-clear]");
    this.suggestions = el("p", "portal-search-page__suggest");
    this.status.parentNode.insertBefore(this.suggestions, this.status.nextSibling);
    this.notice = "";
    this.seq = 0;
    this.bind();
    this.load(false);
  }
  Page.prototype.params = function () {
    var p = new URLSearchParams(location.search), f = {};
    ["level", "year", "topic"].forEach(function (k) { if (p.get(k)) f[k] = p.get(k); });
    return { q: p.get("q") || "", filters: f };
  };
  Page.prototype.bind = function () {
    var self = this;
    this.form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      self.navigate(self.input.value, self.params().filters);
    });
    this.moreButton.addEventListener("click", function () { self.showMore(); });
    this.clear.addEventListener("click", function (ev) {
      ev.preventDefault();
      self.navigate(self.params().q, {});
    });
    window.addEventListener("popstate", function () { self.load(false); });
  };
  Page.prototype.navigate = function (q, filters) {
    var url = this.site.searchHref(q.trim(), filters);
    try { history.pushState(null, "", url); } catch (e) { location.href = url; return; }
    this.load(true);
  };
  Page.prototype.load = function () {
    var self = this, p = this.params(), seq = ++this.seq;
    this.input.value = p.q;
    this.clear.parentNode.hidden = !Object.keys(p.filters).length;
    this.list.textContent = "";
    this.moreButton.hidden = true;
    if (!queryWords(p.q).length) {
      this.status.textContent = "请输入要查找的字词，多个词用空格分开。";
      this.renderFacets(null);
      this.root.setAttribute("data-portal-done", String(seq));
      this.root.setAttribute("data-portal-settled", String(seq));
      return Promise.resolve();
    }
    this.status.textContent = "正在搜索…";
    this.notice = "";
    this.suggestions.textContent = "";
    var search = new Search(this.site.index, p.q, p.filters, { facets: true });
    this.search = search;
    return search.start().then(function () { return search.more(PAGE); }).then(function (hits) {
      if (seq !== self.seq) return;
      hits.forEach(function (h) { self.list.appendChild(renderHit(self.site, search, h)); });
      self.update();
      self.root.setAttribute("data-portal-done", String(seq));
      return Promise.all([search.facetsReady, search.settle(SETTLE_CHUNKS)]).then(function () {
        if (seq !== self.seq) return;
        self.update();
        return search.results.length ? null : self.relax(p, seq);
      }).then(function () {
        if (seq === self.seq) self.root.setAttribute("data-portal-settled", String(seq));
      });
    }).catch(function (e) {
      if (seq !== self.seq) return;
      self.status.textContent = "搜索索引加载失败，请稍后重试";
      self.root.setAttribute("data-portal-done", String(seq));
      self.root.setAttribute("data-portal-settled", String(seq));
      if (window.console) console.error(e);
    });
  };
  /* No exact hit: search for all the phrase's words, then for all but one of them; else suggest words. */
  Page.prototype.relax = function (p, seq) {
    var self = this, index = this.site.index;
    return index.meta().then(function (meta) { return index.file(meta, "words"); }).then(function (words) {
      if (seq !== self.seq) return null;
      var parts = relaxedWords(p.q, words), tries = [];
      if (parts.length >= 2 && parts.join(" ") !== queryWords(p.q).join(" ")) tries.push(parts);
      if (parts.length > 2) parts.forEach(function (_, k) { tries.push(parts.filter(function (_, j) { return j !== k; })); });
      return self.firstWithHits(p, tries, 0, seq, words);
    }).catch(function (e) { if (window.console) console.error(e); });
  };
  Page.prototype.firstWithHits = function (p, tries, k, seq, words) {
    var self = this;
    if (k >= tries.length) { this.suggest(p, words); return Promise.resolve(); }
    var search = new Search(this.site.index, tries[k].join(" "), p.filters, { facets: true });
    return search.start().then(function () { return search.more(PAGE); }).then(function (hits) {
      if (seq !== self.seq) return null;
      if (!hits.length) return self.firstWithHits(p, tries, k + 1, seq, words);
      self.search = search;
      self.notice = "未找到完整短语「" + p.q.trim() + "」，以下结果包含" + (k === 0 ? "全部词语：" : "其中大部分词语：") + tries[k].join("、");
      hits.forEach(function (h) { self.list.appendChild(renderHit(self.site, search, h)); });
      return Promise.all([search.facetsReady, search.settle(SETTLE_CHUNKS)]).then(function () { self.update(); });
    });
  };
  Page.prototype.suggest = function (p, words) {
    var self = this, near = nearestWords(p.q, words, 6);
    this.suggestions.textContent = "";
    if (!near.length) return;
    this.suggestions.appendChild(document.createTextNode("您是不是要找："));
    near.forEach(function (w, i) {
      var a = el("a", "portal-search-page__suggestion", w);
      a.href = self.site.searchHref(w, p.filters);
      a.addEventListener("click", function (ev) { ev.preventDefault(); self.navigate(w, p.filters); });
      if (i) self.suggestions.appendChild(document.createTextNode("、"));
      self.suggestions.appendChild(a);
    });
  };
  Page.prototype.update = function () {
    var s = this.search, t = s.total();
    if (!s.results.length) {
      this.status.textContent = "未找到与“" + s.query.trim() + "”相关的结果" + (Object.keys(s.filters).length ? "，可尝试清除筛选。" : "。");
    } else {
      this.status.textContent = (this.notice ? this.notice + "。" : "") + countText(t);
    }
    this.status.setAttribute("data-exact", t.exact ? "true" : "false");
    this.moreButton.hidden = !s.hasMore();
    this.renderFacets(s);
  };
  Page.prototype.showMore = function () {
    var self = this, s = this.search, seq = this.seq;
    this.moreButton.disabled = true;
    s.more(PAGE).then(function (hits) {
      if (seq !== self.seq) return;
      hits.forEach(function (h) { self.list.appendChild(renderHit(self.site, s, h)); });
      self.moreButton.disabled = false;
      self.update();
    });
  };
  Page.prototype.renderFacets = function (search) {
    var self = this, counts = search ? search.facetCounts() : { level: [], year: [], topic: [] };
    var filters = this.params().filters, q = this.params().q;
    ["level", "year", "topic"].forEach(function (name) {
      var box = self.root.querySelector('[data-facet="' + name + '"]'), ul = box.querySelector("ul");
      ul.textContent = "";
      counts[name].forEach(function (v) {
        var li = el("li", "portal-facet__item"), a = el("a", "portal-facet__link");
        var active = filters[name] === v[0], next = Object.assign({}, filters);
        if (active) delete next[name]; else next[name] = v[0];
        a.href = self.site.searchHref(q, next);
        a.setAttribute("data-value", v[0]);
        if (active) { a.className += " portal-facet__link--active"; a.setAttribute("aria-current", "true"); }
        a.appendChild(el("span", "portal-facet__label", v[1]));
        a.appendChild(el("span", "portal-facet__count", String(v[2])));
        a.addEventListener("click", function (ev) { ev.preventDefault(); self.navigate(q, next); });
        li.appendChild(a);
        ul.appendChild(li);
      });
      box.hidden = !counts[name].length;
    });
  };

  /* ---------------- start ---------------- */

  var site = new Site(document.currentScript);
  var header = null, page = null;
  function init() {
    var h = document.querySelector("[data-portal-search]");
    if (h && !h.portalHeader) { header = new Header(site, h); h.portalHeader = header; }
    var pg = document.getElementById("portal-search-page");
    if (pg && !pg.portalPage) { page = new Page(site, pg); pg.portalPage = page; }
  }
  /* mkdocs-material's document$ (defined by its bundle, after this script) re-emits on instant navigation. */
  function boot() {
    init();
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();

  window.PortalSearch = {
    normalize: normalize, queryWords: queryWords, wordKeys: wordKeys, fnv1a: fnv1a, decodeList: decodeList,
    Search: Search, site: site, get header() { return header; }, get page() { return page; }
  };
})();
