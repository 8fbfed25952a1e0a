// esbuild turns an imported stylesheet into dist/webview/transcript.css beside the script.
declare module '*.css';
