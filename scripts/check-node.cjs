// The first step of every npm script: on a Node older than package.json's engines the SQLite engine
// (an N-API build for Node 22+) would crash the process with a segmentation fault, not an error.
// Plain CommonJS with nothing modern in it, so that it runs and explains itself on any old Node.
'use strict';
var REQUIRED = 24;

function message(version) {
  return (
    'Phần mềm cần Node.js ' +
    REQUIRED +
    ' trở lên; máy này đang dùng Node ' +
    version +
    '.\n' +
    'This project needs Node.js ' +
    REQUIRED +
    ' or newer; this is Node ' +
    version +
    '.\n' +
    'Get it as the README does: run `. scripts/use-node.sh` from the repository root (it installs Node ' +
    REQUIRED +
    ' from the npm registry into .tools/node24 and puts it first on PATH), or install Node.js ' +
    REQUIRED +
    ' LTS.'
  );
}

function isSupported(version) {
  return Number(String(version).replace(/^v/, '').split('.')[0]) >= REQUIRED;
}

module.exports = { REQUIRED: REQUIRED, message: message, isSupported: isSupported };

if (require.main === module && !isSupported(process.versions.node)) {
  console.error(message(process.versions.node));
  process.exit(1);
}
