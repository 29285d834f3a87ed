__portalSearch.f("83499000562c",{"topics":{"0":"AAYS","1":"AAEDARI=","2":"AAgS","3":"AAACBBM=","4":"AAQY","5":"AAIb"}});
