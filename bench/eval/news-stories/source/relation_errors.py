#!/usr/bin/env python3
"""List relation errors of a crosscheck output against this gold: false/missed conflicts and agrees, inconsistencies.
Usage: python source/relation_errors.py GOLD_DIR REL.jsonl"""
import json,sys
gd=sys.argv[1]; pred=sys.argv[2]
docs={d['id']:d for d in json.load(open(gd+'/docs.json'))}
G=[json.loads(l) for l in open(gd+'/relations.jsonl')]
P=[json.loads(l) for l in open(pred)]
F=[json.loads(l) for l in open(gd+'/figures.jsonl')]
def ov(x,y): return x['doc']==y['doc'] and x['start']<y['end'] and y['start']<x['end']
def txt(e): return docs[e['doc']]['text'][e['start']:e['end']]
def pm(p,g): return (ov(p['a'],g['a']) and ov(p['b'],g['b'])) or (ov(p['a'],g['b']) and ov(p['b'],g['a']))
def fig(e):
    for f in F:
        if ov(e,f): return f
for typ in ('conflict','agree'):
    gs=[g for g in G if g['type']==typ]; ps=[p for p in P if p['type']==typ]
    used=set()
    print("=== FALSE",typ)
    for p in ps:
        m=[i for i,g in enumerate(gs) if pm(p,g) and i not in used]
        if m: used.add(m[0]); continue
        other=[g['type'] for g in G if g['type']!='inconsistent' and pm(p,g)]
        fa,fb=fig(p['a']),fig(p['b'])
        print(" %s %r | %s %r  gold_other=%s | why=%s" % (p['a']['doc'],txt(p['a']),p['b']['doc'],txt(p['b']),other,p['why'][:140]))
    print("=== MISSED",typ)
    for i,g in enumerate(gs):
        if i in used: continue
        other=[p['type'] for p in P if p['type']!='inconsistent' and pm(p,g)]
        print(" [%s] %s %r | %s %r  pred_other=%s" % (g['fact'],g['a']['doc'],g['a']['text'],g['b']['doc'],g['b']['text'],other))
print("=== inconsistent pred")
for p in P:
    if p['type']=='inconsistent': print(" ",p['doc'] if 'doc' in p else '', [txt(e) for e in p['figures']], p['why'][:150])
print("=== inconsistent gold")
for g in G:
    if g['type']=='inconsistent': print(" ",g['doc'],[e['text'] for e in g['figures']])
