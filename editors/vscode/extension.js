// Starts `termlint server` for Markdown and plain-text documents; everything else is the server's.
"use strict";
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function settings() {
  const config = vscode.workspace.getConfiguration("termlint");
  const out = {};
  for (const key of ["select", "ignore", "failOn", "packs", "docsUrl", "debounce"]) {
    const value = config.get(key);
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out;
}

function activate(context) {
  const command = vscode.workspace.getConfiguration("termlint").get("path") || "termlint";
  const serverOptions = { command, args: ["server"], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" }, { scheme: "file", language: "plaintext" },
      { scheme: "untitled", language: "markdown" }, { scheme: "untitled", language: "plaintext" },
    ],
    initializationOptions: settings(),
  };
  client = new LanguageClient("termlint", "termlint", serverOptions, clientOptions);
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration("termlint") && client) {
      client.sendNotification("workspace/didChangeConfiguration", { settings: { termlint: settings() } });
    }
  }));
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
