#!/usr/bin/env bash
# Prints deb822 `deb-src` stanzas mirroring every enabled `deb` entry of the given apt source
# files (default: the machine's own), so source packages come from the same archive, suites,
# components and keys as the installed binaries. *.sources files are deb822; others one-line.
set -euo pipefail

OWN_FILE=podflow-deb-src.sources

files=("$@")
if [[ ${#files[@]} -eq 0 ]]; then
  for f in /etc/apt/sources.list.d/*.sources /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f $f && $(basename "$f") != "$OWN_FILE" ]] && files+=("$f")
  done
fi

for f in "${files[@]}"; do
  if [[ $f == *.sources ]]; then
    # A stanza is copied as it is (continuation lines and all) with its Types line replaced.
    awk '
      function flush() {
        if (is_deb && enabled) {
          for (i = 1; i <= n; i++) print lines[i]
          print ""
        }
        n = 0; is_deb = 0; enabled = 1
      }
      BEGIN { enabled = 1 }
      /^#/ { next }
      /^[ \t]*$/ { flush(); next }
      tolower($1) == "types:" {
        for (i = 2; i <= NF; i++) if ($i == "deb") is_deb = 1
        lines[++n] = "Types: deb-src"
        next
      }
      tolower($1) == "enabled:" && tolower($2) == "no" { enabled = 0 }
      { lines[++n] = $0 }
      END { flush() }
    ' "$f"
  else
    # one-line form: deb [options] URI suite [components...]
    awk '
      $1 == "deb" {
        i = 2; opts = ""
        if ($2 ~ /^\[/) {
          while ($i !~ /\]$/) { opts = opts " " $i; i++ }
          opts = opts " " $i; i++
          gsub(/^ \[|\]$/, "", opts)
        }
        signed = ""
        n = split(opts, o, " ")
        for (k = 1; k <= n; k++) if (o[k] ~ /^signed-by=/) signed = substr(o[k], 11)
        comps = ""
        for (k = i + 2; k <= NF && $k !~ /^#/; k++) comps = comps (comps == "" ? "" : " ") $k
        printf "Types: deb-src\nURIs: %s\nSuites: %s\n", $i, $(i + 1)
        if (comps != "") printf "Components: %s\n", comps
        if (signed != "") printf "Signed-By: %s\n", signed
        print ""
      }
    ' "$f"
  fi
done
