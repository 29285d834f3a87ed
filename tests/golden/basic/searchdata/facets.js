__portalSearch.f("fad79f1d5e83",{"topics":{"0":"AAYS","1":"AAEDARI=","2":"AAgS","3":"AAACBBM=","4":"AAQY","5":"AAIb"}});
