# Shared by run.sh, test.sh (and so CI): install what is missing from Debian's packages, check the .NET SDK.
# Sourced, not run.

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else SUDO="__none__"; fi
fi

need_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$SUDO" = "__none__" ]; then
    echo "缺少软件包：${missing[*]}。请以 root 身份运行，或先执行：apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "正在安装：${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

need_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
    echo "未找到 .NET 10 SDK。请先安装 .NET 10 SDK（https://learn.microsoft.com/dotnet/core/install/linux-debian），然后重新运行。" >&2
    exit 1
  fi
}
