/**
 * The verifier page's DOM side (plain browser JavaScript, see core-script.ts): folder picking and dropping,
 * progress, and the Chinese report. Names from the disc are only ever set as textContent.
 */
export const UI_JS = String.raw`
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var STATUS = { ok: '通过', changed: '文件已被修改', missing: '缺少文件', extra: '多余文件', tag: '未列入标签清单的说明文件', ignored: '已忽略（系统文件）' };

  function el(tag, cls, txt) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (txt !== undefined) e.textContent = txt;
    return e;
  }
  // The same convention as main/common/format.ts formatBytes (tests/unit/disc/verifier-size.test.ts holds them equal).
  function size(n) {
    if (n === undefined) return '';
    if (n < 1024) return Math.round(n) + ' B';
    var u = ['KiB', 'MiB', 'GiB', 'TiB'], i = -1;
    do { n /= 1024; i++; } while (n >= 1024 && i < u.length - 1);
    var d = n >= 100 ? 0 : n >= 10 ? 1 : 2;
    if (Number(n.toFixed(d)) >= 1024 && i < u.length - 1) return '1.00 ' + u[i + 1];
    return n.toFixed(d) + ' ' + u[i];
  }
  // Times are the office's, not those of the computer reading the disc: html.ts writes the office zone's offset from
  // UTC at the disc's signing (minutes) on <body>, and the page shifts by it. One fixed layout, no Intl or ICU data.
  var OFFSET = Number(document.body.getAttribute('data-utc-offset')) || 0;
  var ZONE_NAME = document.body.getAttribute('data-time-zone') === 'Asia/Shanghai' ? '北京时间 ' : '';
  function two(n) { return (n < 10 ? '0' : '') + n; }
  function when(d) {
    if (!d) return '（未记录）';
    var t = new Date(d.getTime() + OFFSET * 60000), a = Math.abs(OFFSET);
    return t.getUTCFullYear() + '-' + two(t.getUTCMonth() + 1) + '-' + two(t.getUTCDate()) + ' ' +
      two(t.getUTCHours()) + ':' + two(t.getUTCMinutes()) + ':' + two(t.getUTCSeconds()) +
      '（' + ZONE_NAME + 'UTC' + (OFFSET < 0 ? '-' : '+') + two(Math.floor(a / 60)) + ':' + two(a % 60) + '）';
  }
  function who(n) {
    if (!n) return '（未知）';
    return (n.commonName || '（无姓名）') + (n.organization || n.organizationalUnit ? '（' + [n.organization, n.organizationalUnit].filter(Boolean).join(' ') + '）' : '');
  }

  function fromInput(files) {
    return Array.prototype.map.call(files, function (f) { return { path: f.webkitRelativePath || f.name, file: f }; });
  }

  // Dropped folders arrive as entries; readEntries returns batches until an empty one.
  function walk(entry, out) {
    if (entry.isFile) {
      return new Promise(function (resolve, reject) {
        entry.file(function (f) { out.push({ path: entry.fullPath, file: f }); resolve(); }, reject);
      });
    }
    var reader = entry.createReader();
    return new Promise(function (resolve, reject) {
      var step = function () {
        reader.readEntries(function (batch) {
          if (!batch.length) { resolve(); return; }
          Promise.all(batch.map(function (e) { return walk(e, out); })).then(step, reject);
        }, reject);
      };
      step();
    });
  }

  function showError(msg) {
    var r = $('result');
    r.textContent = '';
    var b = el('div', 'verdict bad');
    b.appendChild(el('div', 'big', '无法校验'));
    b.appendChild(el('div', '', msg));
    r.appendChild(b);
  }

  function render(res) {
    var r = $('result');
    r.textContent = '';
    var v = el('div', 'verdict ' + (res.ok ? 'good' : 'bad'));
    v.setAttribute('data-testid', 'verdict');
    v.appendChild(el('div', 'big', res.ok ? '校验通过' : '校验失败'));
    var counts = { ok: 0, changed: 0, missing: 0, extra: 0 };
    res.files.forEach(function (f) { if (counts[f.status] !== undefined) counts[f.status]++; });
    v.appendChild(el('div', '', res.ok
      ? '光盘上的全部 ' + counts.ok + ' 个文件与签名清单一致，清单签名有效（以光盘自带的根证书核验，请核对下方根证书指纹）。'
      : '发现问题：' + [counts.changed ? counts.changed + ' 个文件已被修改' : '', counts.missing ? '缺少 ' + counts.missing + ' 个文件' : '',
        counts.extra ? counts.extra + ' 个多余文件' : '', res.signature && !res.signature.ok ? '清单签名无效' : '']
        .concat(res.problems).filter(Boolean).join('；') + '。'));
    r.appendChild(v);

    // The signature is checked with the CA on this disc, which a forger could replace along with everything
    // else: only its fingerprint, compared with the one the office publishes, ties the disc to the office.
    var s = res.signature;
    if (s && s.ca) {
      var fc = el('section', 'card fp');
      fc.setAttribute('data-testid', 'ca-fingerprint');
      fc.appendChild(el('h2', '', '请核对根证书指纹（SHA-256）'));
      var fv = el('div', 'fp-value', s.ca.fingerprint.toUpperCase().match(/.{2}/g).join(':'));
      fv.setAttribute('data-testid', 'ca-fingerprint-value');
      fc.appendChild(fv);
      fc.appendChild(el('p', '', '本页面用光盘自带的根证书核验清单签名。若有人替换了光盘内容并用自制的根证书重新签名，本页面同样会显示“校验通过”。'
        + '因此，法院或其他审查人员须将上方指纹与制作单位另行公布或书面提供的根证书指纹（也印在记录表上）逐位比对：一致，签名方可采信；不一致，光盘不可信。'));
      fc.appendChild(el('p', 'muted', '根证书：' + who(s.ca.subject)));
      r.appendChild(fc);
    }

    var info = res.info || {};
    if (info['External-Identifier'] || info['Internal-Sender-Description']) {
      var d = el('section', 'card');
      d.appendChild(el('h2', '', '光盘信息'));
      var dl = el('dl');
      [['光盘编号', info['External-Identifier']], ['案件编号', info['Bag-Group-Identifier']], ['说明', info['Internal-Sender-Description']],
        ['制作单位', info['Source-Organization']], ['制作日期', info['Bagging-Date']]].forEach(function (p) {
        if (!p[1]) return;
        dl.appendChild(el('dt', '', p[0])); dl.appendChild(el('dd', '', p[1]));
      });
      d.appendChild(dl);
      r.appendChild(d);
    }

    if (s) {
      var sc = el('section', 'card sig ' + (s.ok ? 'good' : 'bad'));
      sc.setAttribute('data-testid', 'signature');
      sc.appendChild(el('h2', '', '清单签名'));
      sc.appendChild(el('p', 'line', s.ok ? '签名有效，签名人：' + who(s.signer) + '，签名时间：' + when(s.signingTime)
        : '签名无效：' + (s.problem || '未知原因') + (s.signer ? '（签名人：' + who(s.signer) + '）' : '')));
      r.appendChild(sc);
    }

    var t = el('section', 'card');
    t.appendChild(el('h2', '', '逐个文件'));
    var table = el('table');
    var head = el('tr');
    ['结果', '文件', '大小', 'SHA-256'].forEach(function (h) { head.appendChild(el('th', '', h)); });
    table.appendChild(head);
    var order = { changed: 0, missing: 1, extra: 2, ok: 3, tag: 4, ignored: 5 };
    res.files.slice().sort(function (a, b) { return order[a.status] - order[b.status] || (a.tag === b.tag ? 0 : a.tag ? 1 : -1) || (a.path < b.path ? -1 : 1); })
      .forEach(function (f) {
        var tr = el('tr', 'row ' + f.status);
        tr.setAttribute('data-path', f.path);
        tr.appendChild(el('td', 'status', STATUS[f.status]));
        tr.appendChild(el('td', 'path', f.path));
        tr.appendChild(el('td', 'num', size(f.size)));
        var h = el('td', 'hash');
        if (f.status === 'changed') {
          h.appendChild(el('div', '', '清单：' + f.expected));
          h.appendChild(el('div', 'bad-text', '实际：' + f.actual));
        } else h.textContent = f.expected || f.actual || '';
        tr.appendChild(h);
        table.appendChild(tr);
      });
    t.appendChild(table);
    r.appendChild(t);
  }

  var busy = false;
  async function run(list) {
    if (busy) return;
    var tree = EV.discTree(list);
    if (!tree) { showError('所选文件夹中没有 manifest-sha256.txt，请选择证据光盘的根目录。'); return; }
    busy = true;
    $('result').textContent = '';
    $('progress').hidden = false;
    var started = Date.now();
    try {
      var res = await EV.verifyDisc(tree, function (p) {
        var pct = p.totalBytes ? Math.floor((p.doneBytes / p.totalBytes) * 100) : 100;
        $('bar').style.width = pct + '%';
        $('ptext').textContent = '正在校验 ' + pct + '%（' + size(p.doneBytes) + ' / ' + size(p.totalBytes) + '）：' + p.current;
      });
      $('ptext').textContent = '校验完成，用时 ' + Math.max(1, Math.round((Date.now() - started) / 1000)) + ' 秒';
      $('bar').style.width = '100%';
      render(res);
    } catch (e) {
      showError('校验时出错：' + (e && e.message || e));
    } finally {
      busy = false;
    }
  }

  $('pick').addEventListener('change', function (e) { run(fromInput(e.target.files)); e.target.value = ''; });
  var zone = $('drop');
  ['dragenter', 'dragover'].forEach(function (t) { zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add('over'); }); });
  ['dragleave', 'drop'].forEach(function (t) { zone.addEventListener(t, function () { zone.classList.remove('over'); }); });
  zone.addEventListener('drop', function (e) {
    e.preventDefault();
    var items = e.dataTransfer.items, entries = [];
    for (var i = 0; items && i < items.length; i++) {
      var en = items[i].webkitGetAsEntry && items[i].webkitGetAsEntry();
      if (en) entries.push(en);
    }
    if (!entries.length) { run(fromInput(e.dataTransfer.files)); return; }
    var out = [];
    Promise.all(entries.map(function (en) { return walk(en, out); })).then(function () { run(out); }, function (err) { showError('读取拖入的文件失败：' + err); });
  });
  if (!(window.crypto && crypto.subtle)) {
    $('warn').hidden = false;
  }
})();
`;
