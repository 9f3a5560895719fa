// The managers' dashboard: draws each chart from its data-chart attribute (labels already in the
// user's language) with ECharts; clicking a point opens the records behind it (data-drill + the
// point's period). The table under each chart holds the same numbers (accessibility, copying).
(function () {
  'use strict';
  var palette = ['#1f6feb', '#d9480f', '#2f9e44', '#9c36b5', '#e8590c', '#0c8599'];

  function drillUrl(base, chart, point, seriesKey) {
    var url = new URL(base, window.location.origin);
    url.searchParams.set('metric', chart.key);
    url.searchParams.set('from', point.from);
    url.searchParams.set('to', point.to);
    if (seriesKey && (chart.key === 'conductNo' || seriesKey === 'reopened')) {
      url.searchParams.set('series', seriesKey);
    }
    return url.pathname + url.search;
  }

  function draw(el) {
    var chart = JSON.parse(el.getAttribute('data-chart'));
    var base = el.getAttribute('data-drill');
    var instance = window.echarts.init(el, null, { renderer: 'canvas' });
    var narrow = el.clientWidth < 500;
    var stacked = chart.key === 'conductNo';
    instance.setOption({
      color: palette,
      animation: false,
      tooltip: { trigger: 'axis', confine: true, renderMode: 'richText' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: chart.points.map(function (p) { return p.label; }),
        axisLabel: { hideOverlap: true, rotate: narrow && chart.points.length > 6 ? 45 : 0 }
      },
      yAxis: { type: 'value', name: chart.unit, min: chart.unit === '%' ? 0 : null, max: chart.unit === '%' ? 100 : null },
      series: chart.series.map(function (s, i) {
        var asBar = chart.kind === 'bar' && !(chart.key === 'complaints' && i > 0);
        return {
          name: s.name,
          key: s.key,
          type: asBar ? 'bar' : 'line',
          stack: stacked ? 'no' : null,
          yAxisIndex: 0,
          connectNulls: true,
          symbolSize: 9,
          data: s.values,
          cursor: 'pointer'
        };
      })
    });
    instance.on('click', function (params) {
      var point = chart.points[params.dataIndex];
      var series = chart.series[params.seriesIndex];
      if (point) {
        window.location.href = drillUrl(base, chart, point, series && series.key);
      }
    });
    el.setAttribute('data-ready', 'true');
    window.addEventListener('resize', function () { instance.resize(); });
  }

  function init() {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll('.chart[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
