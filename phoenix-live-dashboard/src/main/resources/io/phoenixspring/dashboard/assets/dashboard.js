// The dashboard's script (a classic script, after phoenix.min.js, phoenix_live_view.min.js and
// uPlot.iife.min.js): connects the official LiveSocket as a phx.new app does, with the dashboard's hooks.
(function () {
  let meta = (name) => document.querySelector(`meta[name='${name}']`).getAttribute("content");
  let Hooks = {};
  window.PhoenixDashboard = {hooks: Hooks};

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
