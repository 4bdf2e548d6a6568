// The pages' script (a classic script, after phoenix.min.js and phoenix_live_view.min.js, which the
// build copies from src/main/js/node_modules): connect the official LiveSocket with the page's CSRF
// token, as a phx.new app's assets/js/app.js does.
(function () {
  let csrfToken = document.querySelector("meta[name='csrf-token']").getAttribute("content");
  let liveSocket = new LiveView.LiveSocket("/live", Phoenix.Socket, {params: {_csrf_token: csrfToken}});
  liveSocket.connect();
  // So that the browser console can call liveSocket.enableDebug() or disconnect() / connect().
  window.liveSocket = liveSocket;
})();
