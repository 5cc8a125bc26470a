/** Shown when the page is opened outside the desk (a plain browser): there is no preload, so no window.desk. */
export function NoBridge() {
  return (
    <main className="no-bridge" role="alert">
      <h1>WeChat Token Desk</h1>
      <p>This page only works inside the desktop app: start it with `npm start`.</p>
      <p lang="zh-CN">此页面只能在桌面应用中使用：请用 `npm start` 启动。</p>
    </main>
  )
}
