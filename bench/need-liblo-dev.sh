# Sourced by the bench scripts that build C harnesses against liblo: installs gcc and liblo-dev
# (Debian packages) when they are missing. Needs root, as tests/run.sh does.
missing=()
for package in gcc liblo-dev; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
