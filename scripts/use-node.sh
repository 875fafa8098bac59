# shellcheck shell=sh
# Sourced from the repository root by the README's two commands: `. scripts/use-node.sh`.
# The project needs Node 24 (engines in package.json). Where the machine's Node is older, Node 24 is
# installed from the npm registry as a package into .tools/node24 (git-ignored, ~9 s once) and put
# first on PATH for this shell, so npm, npx and every script after it run on Node 24. Nothing is
# installed system-wide and nothing happens where the machine already has Node 24 or newer.

ttct_node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ ! -f package.json ] || ! grep -q '"name": "ttct-desktop"' package.json; then
  echo "scripts/use-node.sh: chạy lệnh từ thư mục gốc của mã nguồn / run it from the repository root" >&2
  return 1 2>/dev/null || exit 1
fi

if [ "$(ttct_node_major node)" -lt 24 ]; then
  ttct_tools="$PWD/.tools/node24"
  if [ "$(ttct_node_major "$ttct_tools/node_modules/.bin/node")" -lt 24 ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "Cần Node.js 24 (máy này: $(node -v 2>/dev/null || echo 'chưa có Node')) và npm để cài nó. / Node 24 is required and npm is needed to install it: install Node.js 24 LTS from nodejs.org." >&2
      return 1 2>/dev/null || exit 1
    fi
    echo "Node $(node -v 2>/dev/null || echo '(none)') is older than 24: installing Node 24 from the npm registry into .tools/node24 …"
    mkdir -p "$ttct_tools" &&
      (cd "$ttct_tools" && npm install --prefix "$ttct_tools" --no-save --no-package-lock --no-audit --no-fund --loglevel=error node@24) ||
      { echo "Không cài được Node 24 / installing Node 24 failed" >&2; return 1 2>/dev/null || exit 1; }
    if [ "$(ttct_node_major "$ttct_tools/node_modules/.bin/node")" -lt 24 ]; then
      echo "Không cài được Node 24 / the node@24 package gave no working binary in $ttct_tools" >&2
      return 1 2>/dev/null || exit 1
    fi
  fi
  PATH="$ttct_tools/node_modules/.bin:$PATH"
  export PATH
  unset ttct_tools
fi
echo "Node $(node -v) ($(command -v node))"
