# Writes an 835 of unknown claims of about 4 MiB: one CLP with one SVC each.
import sys
prefix = sys.argv[2] if len(sys.argv) > 2 else "FAIR"
target = 4 * 1024 * 1024 - 4096
segs = ["ISA*00*          *00*          *ZZ*PAYER          *ZZ*PRACTICE       *261201*1200*^*00501*000000001*0*P*:",
        "GS*HP*PAYER*PRACTICE*20261201*1200*1*X*005010X221A1", "ST*835*0001",
        "BPR*I*0*C*NON************20261201", "TRN*1*FAIR0001*1999999999", "N1*PR*FAIR PAYER", "N1*PE*PRACTICE*XX*1234567893", "LX*1"]
body = []
size = sum(len(s) + 1 for s in segs)
i = 0
while size < target:
    i += 1
    loop = [f"CLP*{prefix}{i:07d}*4*100.00*0*0*12*ICN{i:09d}", f"SVC*HC:99213*100.00*0", "DTM*472*20261115", "CAS*CO*97*100.00", f"REF*6R*L1"]
    size += sum(len(s) + 1 for s in loop)
    body += loop
count = len(segs) - 2 + len(body) + 1
out = segs + body + [f"SE*{count}*0001", "GE*1*1", "IEA*1*000000001"]
open(sys.argv[1], "w").write("~".join(out) + "~")
print(i, "claims")
