__portalSearch.f("21ada5f7af5c",{"topics":{"0":"AAYS","1":"AAEDARI=","2":"ABs=","3":"AAACBBM=","4":"AAQY","5":"AAIb"}});
