__portalSearch.f("32b73539f9e5",{"topics":{"0":"AAYS","1":"AAEDARI=","2":"ABs=","3":"AAACBBM=","4":"AAQY","5":"AAIb"}});
