__portalSearch.f("68bf8380e5c9",{"topics":{"0":"AAYS","1":"AAEDARI=","2":"AAgS","3":"AAACBBM=","4":"AAQY","5":"AAIb"}});
