// How WeChat labels its answers (wechat-api.md §0); whatever answers in WeChat's place labels them the same.

/** The cgi-bin endpoints' JSON. */
export const WECHAT_JSON_TYPE = 'application/json; encoding=utf-8'
/** The /sns/* endpoints send their JSON labelled as plain text. */
export const SNS_JSON_TYPE = 'text/plain'
