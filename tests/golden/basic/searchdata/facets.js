__portalSearch.f("e76bfa25467e",{"topics":{"0":"AAYS","1":"AAEDARI=","2":"ABs=","3":"AAACBBM=","4":"AAQY","5":"AAIb"}});
