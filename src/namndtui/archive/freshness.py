"""Is the index fresh? Compare the folder tree with the manifest the index keeps.

An archive is any folder tree holding protokoll.toml files at any depth. Hidden folders
(".git", ".cache" …) are skipped, symlinked folders are not followed (no loops), and a
folder that cannot be listed is a problem, never an exception.

The manifest holds every folder of the archive (relative path, mtime and ctime) and every
minutes file (mtime, ctime, size). A check stats each known folder and each known file –
one system call each, no listing – and lists (scandir) only the folders whose signature
changed: a new, removed or renamed entry changes its folder's mtime, and minutes are
replaced atomically (write + rename), so a new protokoll.toml does too. The ctime catches
what the mtime does not (chmod, `cp -p`/`rsync -t` restoring an old mtime); the file's own
stat catches an editor that writes in place.

"Racy" entries, as git calls them: a file or folder changed within RACY_NS of the check may
change again within the same clock tick without its signature changing, so it is stored
with a signature that never matches (-1) and looked at again by the next check.

No pathlib in the loops: relative paths are plain strings with "/", stats go through a
directory descriptor of the archive folder.
"""

from __future__ import annotations

import os
import stat as stat_mod
from collections import namedtuple

PROTOKOLL_SUFFIX = "protokoll.toml"
RACY_NS = 2_000_000_000  # changes this recent are checked again next time (clock ticks)
UNKNOWN = (-1, -1)  # the signature of a racy entry: never equal to a real one

Sig = tuple[int, int]  # (mtime_ns, ctime_ns)


class Found(namedtuple("Found", "rel mtime_ns size ctime_ns", defaults=(0,))):
    """One minutes file: its path relative to the archive (with "/"), mtime, size, ctime
    (collections.namedtuple: `namndtui search` does not import typing)."""

    __slots__ = ()


class Plan:
    """What the index must do to equal the folder tree."""

    def __init__(self) -> None:
        self.files: list[Found] = []  # new or changed files (look at them)
        self.gone_files: list[str] = []
        self.folders: dict[str, tuple[Sig, str | None]] = {}  # rel → new state
        self.gone_folders: list[str] = []
        # listed folder → entries in it that could not be looked at: (rel, reason)
        self.entry_problems: dict[str, list[tuple[str, str]]] = {}
        self.unchanged = 0  # files whose signature is unchanged
        self.total = 0  # minutes files in the tree

    @property
    def empty(self) -> bool:
        return not (self.files or self.gone_files or self.folders or self.gone_folders)


def is_protokoll_name(name: str) -> bool:
    """protokoll.toml, or a name ending so (as `namndtui PATH` treats it); not hidden."""
    return name.endswith(PROTOKOLL_SUFFIX) and not name.startswith(".")


def parent_of(rel: str) -> str:
    cut = rel.rfind("/")
    return rel[:cut] if cut >= 0 else ""


def _join(rel: str, name: str) -> str:
    return f"{rel}/{name}" if rel else name


class _Checker:
    def __init__(
        self,
        root: str,
        folders: dict[str, tuple[Sig, str | None]],
        files: dict[str, tuple[Sig, int]],
        now_ns: int,
    ) -> None:
        self.root = root
        self.known_folders = folders
        self.known_files = files
        self.limit = now_ns - RACY_NS
        self.plan = Plan()
        self.listed: set[str] = set()  # folders listed in this check
        self.seen_files: set[str] = set()

    def sig(self, st: os.stat_result) -> Sig:
        if st.st_mtime_ns > self.limit or st.st_ctime_ns > self.limit:
            return UNKNOWN
        return (st.st_mtime_ns, st.st_ctime_ns)

    def run(self, fd: int) -> Plan:
        plan = self.plan
        stat, is_dir, is_reg = os.stat, stat_mod.S_ISDIR, stat_mod.S_ISREG
        to_list: list[str] = []
        if "" not in self.known_folders:
            to_list.append("")
        for rel, (sig, _problem) in self.known_folders.items():
            try:
                st = stat(rel or ".", dir_fd=fd, follow_symlinks=False)
            except OSError:
                plan.gone_folders.append(rel)
                continue
            if (st.st_mtime_ns, st.st_ctime_ns) == sig and is_dir(st.st_mode):
                continue  # the common case (UNKNOWN never equals a real signature)
            if not is_dir(st.st_mode):
                plan.gone_folders.append(rel)
            else:
                to_list.append(rel)
        while to_list:
            self.list_folder(to_list.pop(), to_list, fd)
        listed, seen = self.listed, self.seen_files
        unchanged = 0
        for rel, (sig, size) in self.known_files.items():
            if listed and (rel in seen or rel.rpartition("/")[0] in listed):
                continue  # listed above (or gone from a listed folder)
            try:
                st = stat(rel, dir_fd=fd, follow_symlinks=False)
            except OSError:
                plan.gone_files.append(rel)
                continue
            if not is_reg(st.st_mode):
                plan.gone_files.append(rel)
            elif (st.st_mtime_ns, st.st_ctime_ns) == sig and st.st_size == size:
                unchanged += 1  # the common case, without a call
            else:
                self.file_found(rel, st, sig, size)
        plan.unchanged += unchanged
        plan.total += unchanged
        if listed:
            for rel in self.known_files:
                if rel not in seen and rel.rpartition("/")[0] in listed:
                    plan.gone_files.append(rel)
        plan.files.sort(key=lambda f: f.rel)  # path order: a build goes the same way each time
        return plan

    def list_folder(self, rel: str, to_list: list[str], fd: int) -> None:
        """List one folder: its minutes files and its folders (new ones are listed too)."""
        plan = self.plan
        self.listed.add(rel)
        try:
            st = os.stat(rel or ".", dir_fd=fd, follow_symlinks=False)
        except OSError:
            plan.gone_folders.append(rel)
            return
        sig = self.sig(st)  # taken before listing: a change during the listing shows next time
        try:
            with os.scandir(os.path.join(self.root, rel) if rel else self.root) as it:
                entries = list(it)
        except OSError as err:
            plan.folders[rel] = (sig, f"mappen kan inte läsas: {err.strerror or err}")
            self.listed.discard(rel)  # its known files are stat'ed one by one instead
            return
        plan.folders[rel] = (sig, None)
        problems = plan.entry_problems[rel] = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            sub = _join(rel, name)
            try:
                if entry.is_dir(follow_symlinks=False):
                    if sub not in self.known_folders and sub not in self.listed:
                        to_list.append(sub)
                elif is_protokoll_name(name) and entry.is_file(follow_symlinks=False):
                    known = self.known_files.get(sub)
                    st_file = entry.stat(follow_symlinks=False)
                    old_sig, old_size = known if known else (None, -1)
                    self.file_found(sub, st_file, old_sig, old_size)
            except OSError as err:
                problems.append((sub, f"filen kan inte läsas: {err.strerror or err}"))
        if problems:  # look again next time: the entry may be readable by then
            plan.folders[rel] = (UNKNOWN, None)

    def file_found(self, rel: str, st: os.stat_result, sig: Sig | None, size: int) -> None:
        plan = self.plan
        self.seen_files.add(rel)
        plan.total += 1
        if (
            sig is not None
            and sig != UNKNOWN
            and sig == (st.st_mtime_ns, st.st_ctime_ns)
            and (size == st.st_size)
        ):
            plan.unchanged += 1
            return
        now = self.sig(st)
        plan.files.append(Found(rel, now[0], st.st_size, now[1]))


def check(
    root: str,
    folders: dict[str, tuple[Sig, str | None]],
    files: dict[str, tuple[Sig, int]],
    now_ns: int,
) -> Plan:
    """What changed under `root` since the manifest (`folders`, `files`) was written.

    `folders`: rel → (signature, problem or None); `files`: rel → (signature, size).
    An empty manifest lists the whole tree. A racy entry gets the UNKNOWN signature.
    """
    fd = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        return _Checker(root, folders, files, now_ns).run(fd)
    finally:
        os.close(fd)
