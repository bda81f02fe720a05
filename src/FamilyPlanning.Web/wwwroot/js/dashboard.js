// Dashboard: draws the trend charts from the JSON the page embeds, and sorts tables by a clicked header.
(function () {
  const data = document.getElementById('chart-data');
  if (data && window.Chart) {
    const d = JSON.parse(data.textContent);
    const draw = (id, config) => { const el = document.getElementById(id); if (el) new Chart(el, config); };
    draw('chart-births', {
      type: 'bar',
      data: { labels: d.months, datasets: [
        { label: '男', data: d.boys, backgroundColor: '#3d7dd8', stack: 's' },
        { label: '女', data: d.girls, backgroundColor: '#e0699a', stack: 's' }] },
      options: { responsive: true, plugins: { title: { display: true, text: '分月出生人数（按性别）' } } }
    });
    draw('chart-planned', {
      type: d.plannedLabels ? 'bar' : 'line',
      data: { labels: d.plannedLabels || d.months, datasets: [{ label: '计划生育率 %', data: d.planned, borderColor: '#2a9d56', backgroundColor: '#2a9d56' }] },
      options: { responsive: true, plugins: { title: { display: true, text: d.plannedLabels ? '各乡镇计划生育率' : '分月计划生育率' } },
                 scales: { y: { suggestedMin: 80, suggestedMax: 100 } } }
    });
    draw('chart-sex-ratio', {
      type: 'line',
      data: { labels: d.months, datasets: [{ label: '出生人口性别比', data: d.sexRatio, borderColor: '#c0392b', backgroundColor: '#c0392b' }] },
      options: { responsive: true, plugins: { title: { display: true, text: '分月出生人口性别比（女=100）' } } }
    });
  }
  document.querySelectorAll('table.sortable th').forEach(function (th, index) {
    th.style.cursor = 'pointer';
    th.title = '点击排序';
    th.addEventListener('click', function () {
      const body = th.closest('table').tBodies[0];
      const rows = Array.from(body.rows);
      const asc = th.dataset.dir !== 'asc';
      th.dataset.dir = asc ? 'asc' : 'desc';
      const key = function (row) {
        const cell = row.cells[index];
        const raw = (cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent).trim();
        const n = parseFloat(raw.replace(/[,%‰]/g, ''));
        return isNaN(n) ? raw : n;
      };
      rows.sort(function (a, b) {
        const x = key(a), y = key(b);
        const r = (typeof x === 'number' && typeof y === 'number') ? x - y : String(x).localeCompare(String(y), 'zh-CN');
        return asc ? r : -r;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();
