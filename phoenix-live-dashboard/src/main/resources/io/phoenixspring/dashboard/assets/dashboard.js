// The dashboard's script (a classic script, after phoenix.min.js, phoenix_live_view.min.js and
// uPlot.iife.min.js): connects the official LiveSocket as a phx.new app does, with the dashboard's hooks.
(function () {
  let meta = (name) => document.querySelector(`meta[name='${name}']`).getAttribute("content");
  let Hooks = {};
  let charts = {};
  window.PhoenixDashboard = {hooks: Hooks, charts: charts};

  // A metrics chart: a uPlot created on mount, to which each "phx_dashboard:metrics" event appends the
  // new samples the server pushed for this chart's id: {windows: [{t: [epoch ms...], charts: {id: [[series 1], ...]}}]}.
  // Like LiveDashboard's prune_threshold, past MAX_POINTS the oldest half is dropped.
  const MAX_POINTS = 1000;
  const COLORS = ["#fd4f00", "#3e7bfa", "#1aa179", "#9b59b6", "#e0a800", "#e83e8c", "#17a2b8", "#6c757d"];
  // Axis ticks in a few characters: 1.5k, 12M, 3G (byte counts and big gauges would not fit).
  let short = (v) => {
    if (v == null) return "";
    let a = Math.abs(v);
    for (let [n, s] of [[1e12, "T"], [1e9, "G"], [1e6, "M"], [1e3, "k"]]) {
      if (a >= n) return +(v / n).toPrecision(3) + s;
    }
    return +v.toPrecision(3) + "";
  };
  Hooks.PhoenixChart = {
    mounted() {
      let labels = JSON.parse(this.el.dataset.labels || "[]");
      let unit = this.el.dataset.unit || "";
      this.data = [[]].concat(labels.map(() => []));
      this.plot = new uPlot({
        width: Math.max(this.el.clientWidth, 240),
        height: 180,
        legend: {show: labels.length > 1},
        scales: {x: {time: true}},
        series: [{}].concat(labels.map((label, i) => ({
          label: label, stroke: COLORS[i % COLORS.length], width: 1.5, spanGaps: true,
          value: (u, v) => v == null ? "-" : (+v.toPrecision(4)) + (unit ? " " + unit : "")
        }))),
        axes: [{}, {size: 50, values: (u, ticks) => ticks.map(short)}]
      }, this.data, this.el);
      charts[this.el.id] = this;
      this.onResize = () => this.plot.setSize({width: Math.max(this.el.clientWidth, 240), height: 180});
      window.addEventListener("resize", this.onResize);
      this.handleEvent("phx_dashboard:metrics", ({windows}) => {
        let appended = false;
        for (let {t, charts: pushed} of windows) {
          let series = pushed[this.el.id];
          if (!series) continue;
          for (let time of t) this.data[0].push(time / 1000);
          for (let i = 1; i < this.data.length; i++) {
            for (let v of series[i - 1] || t.map(() => null)) this.data[i].push(v);
          }
          appended = true;
        }
        if (!appended) return;
        if (this.data[0].length > MAX_POINTS) {
          let drop = Math.floor(this.data[0].length / 2);
          this.data = this.data.map(column => column.slice(drop));
        }
        this.plot.setData(this.data);
      });
    },
    destroyed() {
      window.removeEventListener("resize", this.onResize);
      if (charts[this.el.id] === this) delete charts[this.el.id];
      this.plot.destroy();
    }
  };

  // The request logger page's "Enable cookie" button: marks (or unmarks) this browser. Only on a
  // change, so opening the page in a second tab does not unmark the first one's.
  Hooks.RequestLoggerCookie = {
    updated() {
      let name = this.el.dataset.cookieName;
      if (this.el.dataset.enabled === "true") {
        document.cookie = `${name}=${this.el.dataset.cookieValue}; path=/; samesite=strict`;
      } else {
        document.cookie = `${name}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT; samesite=strict`;
      }
    }
  };

  let liveSocket = new LiveView.LiveSocket(meta("live-socket-path"), Phoenix.Socket, {
    params: {_csrf_token: meta("csrf-token")},
    hooks: Hooks
  });
  liveSocket.connect();
  window.liveSocket = liveSocket;
})();
