// esbuild turns an imported stylesheet into dist/webview/ask.css beside the script.
declare module '*.css';
