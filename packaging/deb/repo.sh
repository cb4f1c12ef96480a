#!/bin/sh
# repo.sh: an apt repository a hall hosts itself, signed with the hall's own key.
#
#   packaging/deb/repo.sh REPO_DIR KEY_ID DEB...
#
# Adds the .debs to REPO_DIR/pool/main/, then writes the index and the signed Release:
#
#   REPO_DIR/pool/main/service-hall-kiosk_<version>_<arch>.deb
#   REPO_DIR/dists/stable/main/binary-<arch>/Packages, Packages.gz
#   REPO_DIR/dists/stable/Release      checksums of the indexes (apt-ftparchive release)
#   REPO_DIR/dists/stable/InRelease    Release, clear-signed with KEY_ID
#   REPO_DIR/dists/stable/Release.gpg  a detached signature of Release (older apt)
#   REPO_DIR/service-hall-kiosk.gpg    the public key, binary (for signed-by=)
#
# Serve REPO_DIR with any static web server (or a file share: file:/ URLs work too); each
# kiosk trusts that one key for that one repository only:
#
#   /etc/apt/keyrings/service-hall-kiosk.gpg   (the public key, copied by the hall's IT,
#                                               never fetched from the repository itself)
#   /etc/apt/sources.list.d/service-hall-kiosk.sources  (packaging/deb/service-hall-kiosk.sources)
#
# apt refuses an index whose Release is unsigned, signed by another key or changed after
# signing: `apt-get update` fails and keeps the lists it had (tests/packaging/test_apt_repo.py).
# The signing key stays with the hall's IT (GNUPGHOME), never on a kiosk or in this repository.
# Needs: apt-utils (apt-ftparchive), gnupg.
set -eu

if [ $# -lt 3 ]; then
    echo "usage: $0 REPO_DIR KEY_ID DEB..." >&2
    exit 2
fi
repo=$1
key=$2
shift 2
suite=stable
component=main

mkdir -p "$repo/pool/$component"
for deb in "$@"; do
    cp "$deb" "$repo/pool/$component/"
done

cd "$repo"
archs=$(for deb in pool/$component/*.deb; do dpkg-deb -f "$deb" Architecture; done | sort -u)
for arch in $archs; do
    dir=dists/$suite/$component/binary-$arch
    mkdir -p "$dir"
    apt-ftparchive --arch "$arch" packages "pool/$component" > "$dir/Packages"
    gzip -9nkf "$dir/Packages"
done

apt-ftparchive \
    -o APT::FTPArchive::Release::Origin="Service Hall Kiosk" \
    -o APT::FTPArchive::Release::Label="Service Hall Kiosk" \
    -o APT::FTPArchive::Release::Suite="$suite" \
    -o APT::FTPArchive::Release::Codename="$suite" \
    -o APT::FTPArchive::Release::Architectures="$(echo $archs)" \
    -o APT::FTPArchive::Release::Components="$component" \
    release "dists/$suite" > "dists/$suite/Release.new"
mv "dists/$suite/Release.new" "dists/$suite/Release"

rm -f "dists/$suite/InRelease" "dists/$suite/Release.gpg"
gpg --batch --yes --local-user "$key" --clearsign \
    --output "dists/$suite/InRelease" "dists/$suite/Release"
gpg --batch --yes --local-user "$key" --armor --detach-sign \
    --output "dists/$suite/Release.gpg" "dists/$suite/Release"
gpg --batch --yes --export "$key" > service-hall-kiosk.gpg

echo "repo.sh: $repo: $(ls pool/$component/*.deb | wc -l) package(s) for $(echo $archs), signed by $key"
