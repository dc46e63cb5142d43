"""Builds a Windows-like tree for the scan benchmark: FILES files spread over user folders,
with a handful of Invoice2go companies, backups and exports among ordinary documents."""
import os, sys

root, total = sys.argv[1], int(sys.argv[2])
os.makedirs(os.path.join(root, "Windows", "System32"), exist_ok=True)
prog = os.path.join(root, "Program Files (x86)", "Invoice2go")
os.makedirs(prog, exist_ok=True)
with open(os.path.join(prog, "Invoice2go.exe"), "wb") as f:
    f.write(b"MZ" + bytes(510))
jet = b"\x00\x01\x00\x00Standard Jet DB" + bytes(2029)
for company in ("Dupont", "Martin", "Leroy"):
    folder = os.path.join(root, "Users", "marie", "Documents", "Invoice2go", company)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "company.mdb"), "wb") as f:
        f.write(jet)
    with open(os.path.join(root, "Users", "marie", "Documents", f"{company} clients.csv"), "w") as f:
        f.write("Client Name,Email\nA,a@example.com\n")

import zipfile
backups = os.path.join(root, "Users", "marie", "Documents", "Backups")
onedrive = os.path.join(root, "Users", "marie", "OneDrive", "Sauvegardes")
for folder in (backups, onedrive):
    os.makedirs(folder, exist_ok=True)
for company, folder in (("Dupont", backups), ("Martin", onedrive)):
    with zipfile.ZipFile(os.path.join(folder, f"{company} backup.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("company.mdb", jet)
with open(os.path.join(backups, "Leroy backup.zip"), "wb") as f:
    f.write(b"PK\x03\x04" + bytes(40))  # a truncated backup
with open(os.path.join(root, "Users", "marie", "Documents", "Dupont products.csv"), "w") as f:
    f.write("Item,Unit Price\nBread,1.20\n")

made = 0
per_folder = 100
folder_index = 0
while made < total:
    folder = os.path.join(root, "Users", f"user{folder_index % 20}", "Documents",
                          f"project{folder_index // 20:04d}", f"part{folder_index % 7}")
    os.makedirs(folder, exist_ok=True)
    for i in range(min(per_folder, total - made)):
        with open(os.path.join(folder, f"note-{i:03d}.txt"), "w") as f:
            f.write("x")
        made += 1
    folder_index += 1
print(f"made {made} files under {root}")
