// The dashboard's script (a classic script, after phoenix.min.js, phoenix_live_view.min.js and
// uPlot.iife.min.js): connects the official LiveSocket as a phx.new app does, with the dashboard's hooks.
(function () {
  let meta = (name) => document.querySelector(`meta[name='${name}']`).getAttribute("content");
  let Hooks = {};
  window.PhoenixDashboard = {hooks: Hooks};

  let liveSocket = new LiveView.LiveSocket(meta("live-socket-path"), Phoenix.Socket, {
    params: {_csrf_token: meta("csrf-token")},
    hooks: Hooks
  });
  liveSocket.connect();
  window.liveSocket = liveSocket;
})();
