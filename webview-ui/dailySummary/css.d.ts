// esbuild turns an imported stylesheet into dist/webview/dailySummary.css beside the script.
declare module '*.css';
